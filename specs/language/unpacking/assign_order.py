# feature: language.unpacking.assignment
# Targets are assigned left to right after the whole right side is evaluated.
lst = [0, 0, 0]
i = 0
i, lst[i] = 2, 7
print(i, lst)
x = [1, 2]
x[0], x[1] = x[1], x[0]
print(x)
a = b = c = []
a.append(1)
print(b, c is a)
d = {}
k, d[k] = "key", "val"
print(d)
