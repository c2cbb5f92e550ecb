# feature: hardware.gpio.pin_to_pin
# targets: qemu-microbit-1.29
# requires: machine.mem32
# timeout: 30
# pin0 (P0.03) and pin1 (P0.02) through the GPIO registers: set one after the other by two
# OUTSET writes, cleared together by one OUTCLR write of both bits (machine.mem32: this
# image has no machine.Pin). Named for the rig's 1.29 target: the limits are its loop's.
import machine

PIN_CNF2, OUTSET, OUTCLR, PIN0, PIN1 = 0x50000708, 0x50000508, 0x5000050C, 1 << 3, 1 << 2


def pulses(n):
    mem = machine.mem32
    mem[OUTCLR] = PIN0 | PIN1
    mem[PIN_CNF2] = 3
    mem[PIN_CNF2 + 4] = 3
    for i in range(n):
        mem[OUTSET] = PIN0
        mem[OUTSET] = PIN1
        mem[OUTCLR] = PIN0 | PIN1


pulses(20)
print("20 pulses on pin0 and pin1")
