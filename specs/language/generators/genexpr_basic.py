# feature: language.generators.genexpr
# Generator expressions produce a lazy, single-use iterator.
g = (x * x for x in range(5) if x != 2)
print(type(g), next(g), list(g), list(g))
print(sum(x for x in range(10)), max(len(s) for s in ["a", "abc"]))
print(sorted((c for c in "hello"), reverse=True))
print(tuple(i for i in "ab"), "".join(c.upper() for c in "xy"))
