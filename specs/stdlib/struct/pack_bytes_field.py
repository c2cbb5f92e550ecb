# feature: stdlib.struct.pack
# requires: struct
# 's' packs a fixed-length byte string, padding with zeros or truncating
import struct

print(struct.pack("4s", b"ab"))
print(struct.pack("2s", b"abcdef"))
print(struct.unpack("3s", b"xyz"))
print(struct.pack("<2sh", b"hi", 1))
print(struct.unpack("<4sB", b"ab\x00\x00\x07"))
