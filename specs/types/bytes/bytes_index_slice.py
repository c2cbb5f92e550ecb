# feature: types.bytes.methods
# Indexing bytes gives an int; slicing gives bytes.
b = b"Python"
print(b[0], b[-1], b[1:3], b[:0], type(b[0]))
print(list(b[:3]), b[4:] + b"!", b * 2, 0 * b)
print(b"th" in b, 116 in b, 120 in b, b"" in b)
try:
    b[0] = 1
except TypeError:
    print("TypeError")
