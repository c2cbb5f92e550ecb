# feature: types.bytearray.mutation
# * and *= repeat a bytearray; the result stays a bytearray.
ba = bytearray(b"ab")
print(ba * 2, type(ba * 2))
ba *= 3
print(ba, len(ba))
