# feature: hardware.gpio.sleep_accuracy
# targets: board
# timeout: 30
# sleep_ms(20) between edges of X1.
import time
from machine import Pin

x1 = Pin("X1", Pin.OUT, value=0)
for i in range(4):
    x1.value(1)
    time.sleep_ms(20)
    x1.value(0)
    time.sleep_ms(20)
print("4 cycles of sleep_ms(20)")
