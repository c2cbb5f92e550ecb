# feature: hardware.gpio.toggle
# targets: qemu-microbit
# requires: microbit
# timeout: 30
# pin0 toggled by a plain Python loop, as fast as the interpreter goes: the scope
# measures the frequency, the host the spread of the periods (jitter).
from microbit import pin0

for i in range(500):
    pin0.write_digital(1)
    pin0.write_digital(0)
print("toggled 500 times")
