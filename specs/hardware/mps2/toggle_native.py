# feature: hardware.gpio.toggle_native
# targets: qemu-mps2
# timeout: 30
# toggle_plain's loop compiled by the native emitter.
import machine
import micropython


@micropython.native
def toggle(n):
    mem, led = machine.mem32, 0x40028000
    for i in range(n):
        mem[led] = 1
        mem[led] = 0


toggle(1000)
print("toggled 1000 times")
