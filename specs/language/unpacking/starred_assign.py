# feature: language.unpacking.starred
# A starred target collects the remainder into a list, possibly empty.
a, *b = [1, 2, 3]
print(a, b)
*c, d = "xyz"
print(c, d)
e, *f, g = range(6)
print(e, f, g)
h, *i, j = (1, 2)
print(h, i, j, type(i))
*k, = (7, 8)
print(k)
