# feature: types.dict.views
# keys(), values() and items() are live views that track later changes.
d = {"a": 1}
k, v, i = d.keys(), d.values(), d.items()
d["b"] = 2
print(sorted(k), sorted(v), sorted(i), len(k), len(v), len(i))
del d["a"]
print(list(k), list(v), list(i))
print("b" in k, "a" in k, 2 in v, ("b", 2) in i, ("b", 3) in i)
