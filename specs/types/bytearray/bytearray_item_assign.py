# feature: types.bytearray.mutation
# bytearray items are ints and can be assigned in place.
ba = bytearray(b"hello")
ba[0] = 74
ba[-1] = ord("y")
print(ba, ba[1], type(ba[1]), len(ba))
print(bytearray(3), bytearray([1, 2]), bytearray(b"x") == b"x")
try:
    ba[10] = 1
except IndexError:
    print("IndexError")
