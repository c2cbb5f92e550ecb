# feature: stdlib.struct.pack
# requires: struct
# '<' packs little-endian and '>' big-endian
import struct

print(struct.pack("<I", 0x01020304))
print(struct.pack(">I", 0x01020304))
print(struct.pack("<h", -2), struct.pack(">h", -2))
print(struct.pack(">HH", 1, 0xABCD))
print(struct.pack("<q", 1) == bytes(reversed(struct.pack(">q", 1))))
