# feature: types.dict.views
# keys(), values() and items() iterate in matching order, so zipping keys
# with values rebuilds items(); list(d) equals list(d.keys()).
d = {}
for n in (5, 3, 9, 1, 12, 7):
    d["k%d" % n] = n
print(list(d.keys()) == list(d), list(zip(d.keys(), d.values())) == list(d.items()))
print(all(d[k] == v for k, v in d.items()), sorted(d.values()))
print(dict(zip(d.values(), d.keys())) == {v: k for k, v in d.items()})
