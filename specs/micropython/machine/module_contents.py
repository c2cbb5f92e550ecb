# feature: micropython.machine.unix
# requires: machine
# The machine module of the unix port: memory views, idle, PinBase and Signal
import machine

for name in ("idle", "mem8", "mem16", "mem32", "PinBase", "Signal", "time_pulse_us"):
    print(name, hasattr(machine, name))
