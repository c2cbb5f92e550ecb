# feature: hardware.gpio.toggle
# targets: board
# timeout: 30
# X1 toggled by a plain Python loop on a Pyboard (the seed figure: about 100 kHz at
# 168 MHz); the scope measures the frequency, the host the period jitter.
from machine import Pin

x1 = Pin("X1", Pin.OUT)
for i in range(2000):
    x1.value(1)
    x1.value(0)
print("toggled 2000 times")
