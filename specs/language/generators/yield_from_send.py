# feature: language.generators.yield_from
# send() values pass through yield from to the subgenerator.
def sub():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
def outer():
    r = yield from sub()
    yield "sub returned %d" % r
g = outer()
print(next(g), g.send(3), g.send(4))
print(next(g))
