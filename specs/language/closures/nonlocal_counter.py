# feature: language.closures.nonlocal
# nonlocal lets an inner function rebind a variable in the enclosing scope.
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc(5)
print(get(), inc(), get())
