# feature: hardware.gpio.toggle
# targets: qemu-microbit-1.29
# requires: machine.mem32
# timeout: 30
# pin0 (nRF51 GPIO P0.03) toggled through the GPIO registers: MicroPython 1.29 for the
# BBC micro:bit (ports/qemu) has machine.mem32 but no machine.Pin. PIN_CNF[3] = 3 makes
# the pin an output, then OUTSET and OUTCLR write bit 3. The scope counts and times pulses.
# Named for the rig's 1.29 target: 1.9.2 has machine.mem32 too, but the limits are this loop's.
import machine

PIN_CNF3, OUTSET, OUTCLR, PIN0 = 0x5000070C, 0x50000508, 0x5000050C, 1 << 3


def toggle(n):
    mem = machine.mem32
    mem[OUTCLR] = PIN0
    mem[PIN_CNF3] = 3
    for i in range(n):
        mem[OUTSET] = PIN0
        mem[OUTCLR] = PIN0


toggle(100)
print("toggled 100 times")
