# feature: language.fstrings.format_spec
# Integer presentation types, signs, alternate form and grouping; c for code points.
n = 255
print(f"{n:b} {n:o} {n:x} {n:X} {n:d} {65:c}")
print(f"{n:#b} {n:#o} {n:#x} {n:#X}")
print(f"{n:+} {-n:+} {n: } {-n: } {n:-}")
print(f"{1234567:,} {-1234567:_} {0xFFFFFF:_x}")
print(f"{-42:08d} {42:+08d} {n:#010x}")
print(f"{233:c}" == "\u00e9", f"{0x263A:c}" == "\u263a")
