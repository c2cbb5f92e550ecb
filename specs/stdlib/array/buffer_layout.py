# feature: stdlib.array.array
# requires: array
# Arrays expose their raw little-endian memory through the buffer protocol
from array import array

print(bytes(array("h", [1, 258])))
print(bytearray(array("H", [0xABCD])))
print(len(bytes(array("i", [0, 0]))), len(bytes(array("d", [0.0]))))
m = memoryview(array("h", [7, -1]))
print(m[0], m[1], len(m))
