# feature: hardware.gpio.toggle_native
# targets: board
# timeout: 30
# The plain loop compiled by the native emitter: compare with toggle_plain.
import micropython
from machine import Pin

x1 = Pin("X1", Pin.OUT)


@micropython.native
def toggle(pin, n):
    for i in range(n):
        pin.value(1)
        pin.value(0)


toggle(x1, 4000)
print("toggled 4000 times")
