# feature: hardware.gpio.pulse_width
# targets: qemu-microbit
# requires: microbit
# timeout: 30
# Five pulses of a requested 500 us on pin0: none may be shorter than asked, none much longer.
import utime
from microbit import pin0

for i in range(5):
    pin0.write_digital(1)
    utime.sleep_us(500)
    pin0.write_digital(0)
    utime.sleep_us(1500)
print("5 pulses of 500 us")
