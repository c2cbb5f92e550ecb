# feature: language.del.items_attrs
# del d[key] removes a dict entry; a missing key raises KeyError.
d = {"a": 1, "b": 2, (1, 2): 3}
del d["a"]
del d[1, 2]
print(sorted(d.items()))
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e.args)
print(len(d))
