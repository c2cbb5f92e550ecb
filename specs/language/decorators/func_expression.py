# feature: language.decorators.function
# Any expression may follow @ (PEP 614), e.g. a subscript or a call on an attribute.
def plus(n):
    def deco(fn):
        return lambda: fn() + n
    return deco

decos = [plus(1), plus(100)]

class Ns:
    pick = staticmethod(plus)

@decos[1]
def a():
    return 1

@Ns.pick(5)
def b():
    return 2

@(lambda fn: lambda: fn() * 3)
def c():
    return 7

print(a(), b(), c())
