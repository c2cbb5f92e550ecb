# feature: stdlib.struct.layout
# requires: struct
# Native mode ('@' or no prefix) aligns fields; '<' does not
import struct

print(struct.calcsize("bi"), struct.calcsize("<bi"))
print(struct.calcsize("bh"), struct.calcsize("<bh"))
print(struct.calcsize("@bh"))
print(struct.calcsize("hb"))
print(struct.pack("bh", 1, 2) == struct.pack("<bxh", 1, 2) or struct.pack("bh", 1, 2) == struct.pack(">bxh", 1, 2))
