# feature: micropython.machine.unix
# requires: machine
# idle() returns None and execution continues afterwards
import machine

print(machine.idle())
print(machine.idle() is None)
