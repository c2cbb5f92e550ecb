# feature: types.bytearray.mutation
# Slice assignment may grow or shrink the bytearray.
ba = bytearray(b"abcdef")
ba[1:3] = b"XYZ"
print(ba)
ba[0:4] = b"-"
print(ba)
ba[2:2] = b"++"
print(ba)
ba[-1:] = bytearray(b"!?")
print(ba, len(ba))
ba[:] = b""
print(ba)
