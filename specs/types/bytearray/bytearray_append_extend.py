# feature: types.bytearray.mutation
# append() adds one int; extend() and += add bytes-like objects or int iterables.
ba = bytearray()
ba.append(65)
ba.extend(b"BC")
ba.extend([68, 69])
ba += b"F"
ba += bytearray(b"G")
print(ba, len(ba))
ba.extend(range(49, 52))
print(ba)
try:
    ba.append(b"x")
except TypeError:
    print("TypeError")
