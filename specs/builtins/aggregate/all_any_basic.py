# feature: builtins.aggregate.sum_all_any
# all() is True for empty input; any() is False for empty input.
print(all([]), any([]))
print(all([1, "x", [0]]), all([1, 0, 2]))
print(any([0, "", None, 3]), any([0, "", None]))
print(all(x > 0 for x in range(1, 5)), any(x > 3 for x in range(3)))
print(all("abc"), any(""))
