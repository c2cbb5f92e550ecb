# feature: types.list.methods
# append() adds one object; extend() and += add every item of an iterable.
a = [1]
a.append([2, 3])
print(a, len(a))
a.extend([4, 5])
a.extend("xy")
a.extend(range(2))
a.extend(n * n for n in (3, 4))
print(a)
a += (7,)
print(a[-1], len(a))
try:
    a += 5
except TypeError:
    print("TypeError")
