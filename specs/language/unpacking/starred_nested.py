# feature: language.unpacking.starred
# Starred targets inside nested targets.
(a, *b), c = "hey", 1
print(a, b, c)
[x, [y, *z]] = [0, range(1, 4)]
print(x, y, z)
head, *[m, n] = [1, 2, 3]
print(head, m, n)
