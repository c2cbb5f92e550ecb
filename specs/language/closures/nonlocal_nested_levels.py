# feature: language.closures.nonlocal
# nonlocal binds to the nearest enclosing function scope that has the name.
def a():
    x = "a"
    def b():
        x = "b"
        def c():
            nonlocal x
            x = "c"
        c()
        return x
    r = b()
    return r, x
print(a())
def d():
    y = 1
    def e():
        def f():
            nonlocal y
            y += 10
        f()
    e()
    return y
print(d())
