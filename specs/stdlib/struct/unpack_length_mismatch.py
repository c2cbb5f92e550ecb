# feature: stdlib.struct.layout
# requires: struct
# unpack (unlike unpack_from) needs the buffer size to equal calcsize exactly
import struct

try:
    print(struct.unpack("<h", b"\x01\x00\x00"))
except Exception:
    print("error")
print(struct.unpack_from("<h", b"\x01\x00\x00"))
