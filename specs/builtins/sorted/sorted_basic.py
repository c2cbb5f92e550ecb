# feature: builtins.sorted.key
# sorted() returns a new list from any iterable and leaves the input alone.
data = (3, 1, 2)
out = sorted(data)
print(out, data, type(out))
print(sorted("banana"), sorted({"b": 1, "a": 2}))
print(sorted([]), sorted(x % 5 for x in range(8)))
print(sorted([2.5, 1, -3, 0.5]))
lst = [2, 1]
print(sorted(lst) is lst)
