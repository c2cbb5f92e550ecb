# feature: language.generators.yield_from
# throw() and close() are forwarded to the subgenerator.
def sub():
    try:
        yield 1
        yield 2
    except KeyError:
        yield "sub caught"
    finally:
        print("sub finally")
def outer():
    yield from sub()
    yield "after"
g = outer()
print(next(g))
print(g.throw(KeyError))
print(next(g))
g2 = outer()
next(g2)
g2.close()
print("closed")
