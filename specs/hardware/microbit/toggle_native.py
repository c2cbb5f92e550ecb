# feature: hardware.gpio.toggle_native
# targets: qemu-microbit
# requires: microbit
# timeout: 30
# The same loop compiled by the native emitter: compare its frequency with toggle_plain's.
import micropython
from microbit import pin0


@micropython.native
def toggle(n):
    for i in range(n):
        pin0.write_digital(1)
        pin0.write_digital(0)


toggle(500)
print("toggled 500 times")
