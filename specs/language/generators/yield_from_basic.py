# feature: language.generators.yield_from
# yield from delegates to any iterable.
def g():
    yield from [1, 2]
    yield from "ab"
    yield from range(3, 5)
    yield from (x * 10 for x in (1, 2))
print(list(g()))
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5], []])))
