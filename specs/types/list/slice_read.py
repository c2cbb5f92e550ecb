# feature: types.list.slicing
# Reading slices with bounds, negative indexes and steps gives new lists.
a = list(range(8))
print(a[2:5], a[:3], a[5:], a[-2:], a[:-5], a[1:-1])
print(a[::2], a[::-1], a[6:1:-2], a[10:], a[-100:2])
b = a[:]
print(b == a, b is a)
