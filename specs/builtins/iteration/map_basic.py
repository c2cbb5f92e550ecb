# feature: builtins.iteration.map_filter
# map() applies a function item by item; several iterables stop at the shortest.
print(list(map(str.upper, ["ab", "cd"])))
print(list(map(lambda x: x * x, range(5))))
print(list(map(pow, [2, 3, 4], [5, 2])))
print(list(map(lambda *a: sum(a), [1, 2], [10, 20], [100, 200])))
print(list(map(len, [])))
