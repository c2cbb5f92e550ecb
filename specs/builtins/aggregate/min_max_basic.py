# feature: builtins.aggregate.min_max
# min()/max() over one iterable or several positional arguments.
print(min([3, 1, 2]), max([3, 1, 2]))
print(min(3, 1, 2), max(3, 1, 2))
print(min("hello"), max("hello"))
print(min([2.5, -1, 0]), max((True, 0)))
print(max([[1, 2], [1, 3], [0, 9]]), min(["b", "ab", "abc"]))
print(max(range(10**6)))
