# feature: builtins.iteration.map_filter
# filter(f, it) keeps items where f(item) is true; filter(None, it) keeps truthy items.
print(list(filter(lambda n: n % 3 == 0, range(10))))
print(list(filter(None, [0, 1, "", "x", [], [0], None, 0.0, 2])))
print(list(filter(str.isdigit, ["1", "a", "22", ""])))
print(list(filter(None, [])))
