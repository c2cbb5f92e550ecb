# feature: builtins.aggregate.sum_all_any
# Python 3.8 allows start to be passed by keyword.
print(sum([1, 2], start=100))
print(sum([], start=7))
