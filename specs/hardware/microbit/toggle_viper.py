# feature: hardware.gpio.toggle_viper
# targets: qemu-microbit
# requires: microbit
# timeout: 30
# The loop in viper, writing the nRF51's OUTSET and OUTCLR registers through a pointer:
# the fastest toggle MicroPython code can make. pin0 is GPIO line 3.
import micropython
from microbit import pin0


@micropython.viper
def toggle(n: int):
    out = ptr32(0x50000508)  # OUTSET; OUTCLR is the next word
    for i in range(n):
        out[0] = 8
        out[1] = 8


pin0.write_digital(0)
toggle(2000)
print("toggled 2000 times")
