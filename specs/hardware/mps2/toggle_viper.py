# feature: hardware.gpio.toggle_viper
# targets: qemu-mps2
# timeout: 30
# The loop in viper, storing through a pointer to the LED register.
import micropython


@micropython.viper
def toggle(n: int):
    led = ptr32(0x40028000)
    for i in range(n):
        led[0] = 1
        led[0] = 0


toggle(5000)
print("toggled 5000 times")
