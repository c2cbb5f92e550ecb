# feature: types.memoryview.basic
# A view of immutable bytes is read-only; assignment raises TypeError.
m = memoryview(b"abc")
try:
    m[0] = 1
except TypeError:
    print("TypeError")
print(bytes(m))
