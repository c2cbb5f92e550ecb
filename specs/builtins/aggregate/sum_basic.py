# feature: builtins.aggregate.sum_all_any
# sum() adds numbers starting from 0 or a given start value.
print(sum([1, 2, 3]), sum([]), sum(range(101)))
print(sum([1, 2], 10), sum((0.5, 0.25)))
print(sum([True, True, False]))
print(sum([2**64, 2**64]) == 2**65)
print(sum([[1], [2, 3]], []))
print(sum(((1,), (2,)), ()))
