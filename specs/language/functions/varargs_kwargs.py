# feature: language.functions.varargs
# **kwargs collects extra keywords into a fresh dict.
def f(a, **kw):
    kw["seen"] = True
    return a, sorted(kw.items()), type(kw)
print(f(1))
print(f(1, x=2, y=3))
d = {"z": 0}
print(f(a=5, **d), d)
def g(**kw):
    return sorted(kw)
print(g(a=2, **{"b": 1}))
