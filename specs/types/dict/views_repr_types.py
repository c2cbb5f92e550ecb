# feature: types.dict.views
# Views have their own types and reprs; they are not lists and cannot be indexed.
d = {"a": 1}
print(repr(d.keys()), repr(d.values()), repr(d.items()))
print(type(d.keys()), type(d.values()), type(d.items()))
try:
    d.keys()[0]
except TypeError:
    print("TypeError")
