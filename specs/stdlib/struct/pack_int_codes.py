# feature: stdlib.struct.pack
# requires: struct
# Signed and unsigned integer codes at their extremes
import struct

print(struct.pack("<bB", -128, 255))
print(struct.pack("<hH", -32768, 65535))
print(struct.pack("<iI", -1, 2**32 - 1))
print(struct.pack("<q", -(2**63)))
print(struct.pack("<Q", 2**64 - 1))
print(struct.unpack("<bBhH", b"\xff\xff\xff\xff\xff\xff"))
print(struct.unpack("<qQ", b"\xff" * 16))
