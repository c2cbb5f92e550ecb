# feature: types.dict.views
# keys() and items() views support set operators and return sets.
d = {"a": 1, "b": 2, "c": 3}
print(sorted(d.keys() & {"a", "z"}), sorted(d.keys() | {"z"}), sorted(d.keys() - {"a"}))
print(sorted(d.keys() ^ {"a", "q"}), type(d.keys() & set()))
print(sorted(d.items() & {("a", 1), ("b", 0)}))
print(d.keys() == {"a", "b", "c"}, d.keys().isdisjoint({"x"}))
