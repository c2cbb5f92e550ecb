# feature: types.bytes.methods
# Extended slices of bytes with a step.
b = b"abcdef"
print(b[::2], b[::-1], b[4:0:-2])
