# feature: hardware.gpio.irq_response
# targets: board
# timeout: 30
# Interrupt to pin: X3 drives X4 through a jumper; X4's rising-edge handler drives X1.
# The scope measures X3 -> X1.
import time
from machine import Pin

x1 = Pin("X1", Pin.OUT, value=0)
x3 = Pin("X3", Pin.OUT, value=0)
x4 = Pin("X4", Pin.IN, Pin.PULL_DOWN)
x4.irq(lambda p: x1.value(1), Pin.IRQ_RISING, hard=True)
time.sleep_ms(5)
x3.value(1)
time.sleep_ms(5)
x4.irq(None)
print("X1 is", x1.value())
