# feature: stdlib.struct.pack
# requires: struct
# A count before a code repeats it (except 's', where it is the length)
import struct

print(struct.pack("<3B", 1, 2, 3))
print(struct.pack("<2h", -1, 1))
print(struct.unpack("<4B", b"\x01\x02\x03\x04"))
print(struct.calcsize("<10B"), struct.calcsize("<10s"))
print(len(struct.unpack("<10B", bytes(10))), len(struct.unpack("<10s", bytes(10))))
