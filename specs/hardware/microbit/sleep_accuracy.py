# feature: hardware.gpio.sleep_accuracy
# targets: qemu-microbit
# requires: microbit
# timeout: 30
# sleep(20) between edges: the high and low times show how exactly the firmware's timer
# keeps a 20 ms sleep.
from microbit import pin0, sleep

for i in range(4):
    pin0.write_digital(1)
    sleep(20)
    pin0.write_digital(0)
    sleep(20)
print("4 cycles of sleep(20)")
