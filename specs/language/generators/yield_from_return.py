# feature: language.generators.yield_from
# The value of a yield from expression is the subgenerator's return value.
def sub(n):
    for i in range(n):
        yield i
    return n * 100
def outer():
    r1 = yield from sub(2)
    r2 = yield from sub(0)
    r3 = yield from [7]
    yield (r1, r2, r3)
print(list(outer()))
