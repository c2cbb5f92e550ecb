# feature: stdlib.struct.pack
# requires: struct
# Out-of-range values and wrong argument counts are rejected
import struct


def attempt(fmt, *args):
    try:
        print(fmt, args, struct.pack(fmt, *args))
    except Exception:
        print(fmt, args, "error")


attempt("<b", 200)
attempt("<B", -1)
attempt("<H", 70000)
attempt("<h", 1, 2)
attempt("<hh", 1)
