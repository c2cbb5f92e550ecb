# feature: hardware.gpio.toggle
# targets: qemu-mps2
# timeout: 30
# User LED 0 of the MPS2 board (FPGA register 0x40028000, bit 0) toggled by a plain loop:
# the reference for toggle_native and toggle_viper, which run the same loop.
import machine


def toggle(n):
    mem, led = machine.mem32, 0x40028000
    for i in range(n):
        mem[led] = 1
        mem[led] = 0


toggle(1000)
print("toggled 1000 times")
