# feature: stdlib.struct.pack
# requires: struct
# 'f' and 'd' use IEEE 754 single and double precision
import struct

print(struct.pack("<f", 1.5))
print(struct.pack(">d", -2.0))
print(struct.unpack("<f", struct.pack("<f", 0.25)))
print(struct.unpack("<d", struct.pack("<d", 0.1))[0] == 0.1)
print(struct.unpack("<f", struct.pack("<f", 0.1))[0] == 0.1)
print(struct.pack("<d", 3))
