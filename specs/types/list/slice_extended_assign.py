# feature: types.list.slicing
# Assigning to an extended slice needs the same number of items.
a = [0, 1, 2, 3, 4, 5]
a[::2] = ["x", "y", "z"]
print(a)
a[::-3] = [8, 9]
print(a)
try:
    a[::2] = [1]
except ValueError:
    print("ValueError")
