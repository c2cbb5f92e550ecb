# feature: types.bytearray.mutation
# del removes items and slices; slice assignment also takes lists of ints.
ba = bytearray(b"abcdef")
del ba[0]
print(ba)
del ba[1:3]
print(ba)
ba[0:1] = [49, 50]
print(ba)
