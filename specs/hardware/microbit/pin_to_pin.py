# feature: hardware.gpio.pin_to_pin
# targets: qemu-microbit
# requires: microbit
# timeout: 30
# pin1 follows pin0: the delay between their edges (two scope channels) is the time one
# write_digital call takes.
from microbit import pin0, pin1

for i in range(50):
    pin0.write_digital(1)
    pin1.write_digital(1)
    pin0.write_digital(0)
    pin1.write_digital(0)
print("50 pairs")
