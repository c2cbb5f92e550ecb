# feature: language.del.targets
# del accepts several comma-separated targets, also in parentheses.
a, b, c, d, e = 1, 2, 3, 4, 5
del a, b
del (c)
del (d, e)
for name in ("a", "b", "c", "d", "e"):
    print(name, name in globals())
