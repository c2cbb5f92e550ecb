# feature: types.dict.methods
# Dicts keep insertion order (Python 3.7); re-assigning keeps the position,
# deleting and re-inserting moves the key to the end.
d = {}
for k in ("zeta", "alpha", "mid", "beta", "omega", "k1", "k0"):
    d[k] = len(k)
print(list(d))
d["alpha"] = 0
del d["mid"]
d["mid"] = 9
print(list(d), list(d.values()))
print(list(dict(b=1, a=2, c=3)), list({3: 0, 1: 0, 2: 0}))
