# feature: language.functions.varargs
# Combined signature: positionals, defaults, *args, keyword-only, **kwargs.
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())
print(f(1, c=3))
print(f(1, 9, 8, 7, c=3, e=5))
print(f(*[1, 2, 3], **{"c": 0, "d": 1, "z": 2}))
try:
    f(1, 2, 3)
except TypeError:
    print("TypeError")
