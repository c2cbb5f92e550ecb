# feature: types.dict.methods
# update() takes a mapping, an iterable of pairs, and/or keyword arguments;
# later values win.
d = {"a": 1}
d.update({"b": 2, "a": 10})
d.update([("c", 3), ("d", 4)])
d.update(e=5, a=11)
d.update({"f": 6}, g=7)
print(sorted(d.items()))
try:
    d.update([("bad",)])
except (ValueError, TypeError) as e:
    print(type(e))
