# feature: types.memoryview.basic
# A memoryview over bytes reads items as ints and converts back with bytes().
m = memoryview(b"abcdef")
print(m[0], m[-1], len(m), bytes(m))
print(bytes(m[1:3]), bytes(m[-2:]), bytes(m[4:1]), bytes(m[10:]))
print(type(m[1:3]), len(m[1:4]))
try:
    m[6]
except IndexError:
    print("IndexError")
