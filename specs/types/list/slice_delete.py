# feature: types.list.slicing
# del removes single items and step-1 slices; out-of-range slices are no-ops.
a = list(range(10))
del a[0]
del a[-1]
print(a)
del a[2:4]
print(a)
del a[100:]
del a[-2:]
print(a)
del a[:]
print(a)
