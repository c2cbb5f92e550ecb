# feature: hardware.gpio.pulse_width
# targets: board
# timeout: 30
# Five pulses of a requested 500 us on X1.
import time
from machine import Pin

x1 = Pin("X1", Pin.OUT, value=0)
for i in range(5):
    x1.value(1)
    time.sleep_us(500)
    x1.value(0)
    time.sleep_us(1500)
print("5 pulses of 500 us")
