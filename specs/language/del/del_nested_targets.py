# feature: language.del.targets
# del targets can be nested subscripts and attribute chains.
class Box:
    pass

b = Box()
b.inner = Box()
b.inner.data = {"x": [1, 2, 3], "y": 0}
del b.inner.data["x"][1]
print(b.inner.data["x"])
del b.inner.data["y"]
print(sorted(b.inner.data))
del b.inner.data
print(hasattr(b.inner, "data"))
