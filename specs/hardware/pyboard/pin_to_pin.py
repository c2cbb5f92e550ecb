# feature: hardware.gpio.pin_to_pin
# targets: board
# timeout: 30
# X2 follows X1: the delay between their edges is one Pin.value call.
from machine import Pin

x1 = Pin("X1", Pin.OUT, value=0)
x2 = Pin("X2", Pin.OUT, value=0)
for i in range(200):
    x1.value(1)
    x2.value(1)
    x1.value(0)
    x2.value(0)
print("200 pairs")
