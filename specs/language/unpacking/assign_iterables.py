# feature: language.unpacking.assignment
# Unpacking consumes iterators, generators, dicts (keys) and sets of one element.
it = iter([1, 2, 3, 4])
a, b = next(it), next(it)
c, d = it
print(a, b, c, d)
e, f = (n * n for n in (3, 4))
g, h = {"k1": 0, "k2": 0}
print(e, f, sorted([g, h]))
(s,) = {"only"}
print(s)
