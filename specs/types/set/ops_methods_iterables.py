# feature: types.set.operations
# Unlike the operators, the named methods accept any iterable.
s = {1, 2}
print(sorted(s.union([5, 6])), sorted(s.union("")), sorted(s.intersection(range(2, 9))))
print(sorted(s.difference((1,))), sorted(s.symmetric_difference([2, 3])))
print(s.issubset(range(5)), s.issuperset([1]), s.isdisjoint("ab"))
print(sorted(frozenset([4]).union(iter([7]))))
