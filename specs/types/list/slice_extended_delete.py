# feature: types.list.slicing
# del with an extended slice removes every step-th item.
a = list(range(10))
del a[::2]
print(a)
del a[::-2]
print(a)
b = list(range(6))
del b[1:5:3]
print(b)
