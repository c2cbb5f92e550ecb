# feature: types.dict.methods
# The | and |= operators (Python 3.9) merge dicts; the right side wins.
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
m = a | b
print(sorted(m.items()), sorted(a.items()))
a |= b
print(sorted(a.items()))
a |= [("w", 0)]
print(sorted(a.items()))
