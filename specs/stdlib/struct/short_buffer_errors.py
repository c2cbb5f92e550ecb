# feature: stdlib.struct.layout
# requires: struct
# Reading or writing past the end of a buffer raises an error
import struct


def attempt(label, fn):
    try:
        print(label, fn())
    except Exception:
        print(label, "error")


attempt("unpack short", lambda: struct.unpack("<h", b"\x00"))
attempt("unpack_from short", lambda: struct.unpack_from("<I", b"\x00\x01\x02\x03", 1))
attempt("pack_into short", lambda: struct.pack_into("<I", bytearray(2), 0, 1))
attempt("unpack_from ok", lambda: struct.unpack_from("<I", b"\x00\x01\x02\x03", 0))
