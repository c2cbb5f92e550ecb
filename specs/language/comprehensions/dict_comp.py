# feature: language.comprehensions.dict_set
# Dict comprehensions; later duplicate keys win.
d = {k: k * k for k in range(4)}
print(sorted(d.items()))
inv = {v: k for k, v in [("a", 1), ("b", 2), ("c", 1)]}
print(sorted(inv.items()))
print({x % 3: x for x in range(10)}[0])
print(sorted({c: i for i, c in enumerate("hello")}.items()))
print({k: v for k, v in []}, type({k: 0 for k in "x"}))
