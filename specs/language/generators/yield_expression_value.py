# feature: language.generators.yield
# A bare next() makes the yield expression evaluate to None; yield without a value yields None.
def g():
    got = []
    while len(got) < 3:
        x = yield len(got)
        got.append(x)
    yield got
it = g()
print([next(it) for _ in range(4)])
def h():
    yield
    r = (yield)
    yield r
print(list(h()))
