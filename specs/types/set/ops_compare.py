# feature: types.set.operations
# <= < >= > test subset/superset; == compares contents, including frozensets.
a = {1, 2}
b = {1, 2, 3}
print(a <= b, a < b, b >= a, b > a, a < a, a <= a)
print(a == {2, 1}, a != b, a == frozenset([1, 2]), set() == frozenset())
print({1, 2} < {1, 3}, {1, 2} > {1, 3}, {1} == {1.0}, {1} == [1])
