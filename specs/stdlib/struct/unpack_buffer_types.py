# feature: stdlib.struct.layout
# requires: struct
# unpack accepts bytes, bytearray and memoryview and always returns a tuple
import struct

print(struct.unpack("<H", b"\x34\x12"))
print(struct.unpack("<H", bytearray(b"\x34\x12")))
print(struct.unpack("<H", memoryview(b"\x00\x34\x12")[1:]))
r = struct.unpack("<B", b"\x09")
print(isinstance(r, tuple), r)
print(struct.unpack("<", b""))
