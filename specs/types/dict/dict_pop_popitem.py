# feature: types.dict.methods
# pop(key[, default]) removes a key; popitem() removes the most recently
# inserted pair (LIFO) and raises KeyError when empty.
d = {"x": 1, "y": 2, "z": 3}
print(d.pop("y"), d.pop("y", "gone"), sorted(d))
try:
    d.pop("y")
except KeyError:
    print("KeyError pop")
d["w"] = 4
print(d.popitem(), d.popitem(), d.popitem(), d)
try:
    d.popitem()
except KeyError:
    print("KeyError popitem")
