# feature: micropython.machine.unix
# requires: machine
# mem8, mem16 and mem32 are distinct memory-access objects of one type
import machine

m = (machine.mem8, machine.mem16, machine.mem32)
print(type(m[0]) is type(m[1]) is type(m[2]))
print(m[0] is not m[1] and m[1] is not m[2])
