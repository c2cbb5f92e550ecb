# feature: types.list.slicing
# Assigning to a step-1 slice replaces it with any number of items.
a = [0, 1, 2, 3, 4, 5]
a[1:3] = ["a", "b", "c"]
print(a)
a[:2] = []
print(a)
a[2:2] = ["ins"]
print(a)
a[-1:] = (9, 9)
print(a)
a[:] = ["x", "y"]
print(a)
