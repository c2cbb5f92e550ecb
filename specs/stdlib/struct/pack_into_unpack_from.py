# feature: stdlib.struct.layout
# requires: struct
# pack_into writes into a buffer at an offset; unpack_from reads at an offset
import struct

buf = bytearray(8)
struct.pack_into("<hI", buf, 1, -1, 0x11223344)
print(buf)
print(struct.unpack_from("<I", buf, 3))
print(struct.unpack_from("<B", buf))
print(struct.unpack_from("<2B", b"\x00\x01\x02\x03", 2))
