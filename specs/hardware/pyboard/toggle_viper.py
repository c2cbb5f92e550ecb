# feature: hardware.gpio.toggle_viper
# targets: board
# timeout: 30
# Viper writing GPIOA's bit set/reset register directly (X1 is PA0): set is bit 0, reset
# bit 16.
import micropython
from machine import Pin

Pin("X1", Pin.OUT)


@micropython.viper
def toggle(n: int):
    bsrr = ptr32(0x40020018)
    for i in range(n):
        bsrr[0] = 1
        bsrr[0] = 1 << 16


toggle(20000)
print("toggled 20000 times")
