# feature: types.memoryview.basic
# Slice assignment through a memoryview must keep the size; items must be 0..255.
ba = bytearray(b"abc")
m = memoryview(ba)
try:
    m[0:2] = b"xyz"
except ValueError:
    print("ValueError size")
try:
    m[0] = 256
except (ValueError, TypeError) as e:
    print(type(e), "range")
print(ba)
