# feature: types.dict.methods
# get() never raises; setdefault() inserts the default only when the key is missing.
d = {"a": 1}
print(d.get("a"), d.get("z"), d.get("z", 0), "z" in d)
print(d.setdefault("b", []), d.setdefault("a", 99))
d.setdefault("b", []).append("x")
d.setdefault("c")
print(sorted(d.items(), key=str))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e.args)
