# feature: types.list.slicing
# The right-hand side of a slice assignment may be any iterable.
a = [0, 1, 2]
a[1:2] = range(3)
print(a)
a[:1] = (c for c in "pq")
print(a)
a[0:0] = {"k": 1}
print(a)
