# feature: language.unpacking.assignment
# Nested target lists mirror the structure of the value.
(a, b), c = (1, 2), 3
print(a, b, c)
x, (y, (z, w)) = "A", ["B", ("C", "D")]
print(x, y, z, w)
[m, [n]], o = [[4, [5]], 6]
print(m, n, o)
try:
    (p, q), r = (1, 2, 3), 4
except ValueError:
    print("ValueError")
