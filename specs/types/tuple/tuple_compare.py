# feature: types.tuple.ops
# Tuples compare lexicographically; a proper prefix sorts first.
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 9, 9))
print((1, 2) == (1, 2), (1, 2) == [1, 2], (1, (2, 3)) < (1, (2, 4)))
print(max([(1, "b"), (1, "a"), (0, "z")]), sorted([(2, 1), (1, 2), (1, 1)]))
try:
    (1, "a") < (1, 2)
except TypeError:
    print("TypeError")
print((1, "a") < (2, 2))
