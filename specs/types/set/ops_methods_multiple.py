# feature: types.set.operations
# union/intersection/difference take several iterables at once.
s = {1, 2, 3}
print(sorted(s.union([5], (6,), "")))
print(sorted(s.intersection([2, 3], range(3))))
print(sorted(s.difference([1], [2])))
