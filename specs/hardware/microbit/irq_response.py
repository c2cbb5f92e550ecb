# feature: hardware.gpio.irq_response
# targets: qemu-microbit
# requires: microbit
# timeout: 30
# Interrupt to pin: pin2 drives pin1 (a jumper on a real board), pin1's interrupt handler
# drives pin0; the scope measures pin2 -> pin0. Firmware whose pins take no interrupt
# handler skips (the evidence: the pin object has no irq method).
from microbit import pin0, pin1, pin2

if not hasattr(pin1, "irq"):
    print("SKIP")
else:
    pin0.write_digital(0)
    pin2.write_digital(0)
    pin1.irq(lambda p: pin0.write_digital(1))
    pin2.write_digital(1)
    print("pin2 raised")
