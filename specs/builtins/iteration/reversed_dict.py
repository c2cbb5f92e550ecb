# feature: builtins.iteration.reversed
# Since Python 3.8 dicts and their views are reversible: newest key first.
d = {}
for k in ("one", "two", "three"):
    d[k] = len(k)
print(list(reversed(d)))
print(list(reversed(d.keys())), list(reversed(d.values())))
print(list(reversed(d.items()))[0])
