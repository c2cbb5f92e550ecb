# feature: types.set.methods
# set() builds from any iterable, dropping duplicates; copy() is independent.
print(sorted(set("banana")), sorted(set([3, 1, 3])), set())
print(sorted(set({"k": 1, "j": 2})), len(set(range(100))) == 100)
a = {1, 2}
b = a.copy()
b.add(3)
print(sorted(a), sorted(b), repr(set()), repr({5}))
print({1, 1.0, True} == {1}, len({1, 1.0, True}))
