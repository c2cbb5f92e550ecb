# feature: language.functions.keyword_args
# Duplicate, unknown and missing keyword arguments raise TypeError.
def f(a, b=1):
    return a + b
tests = (lambda: f(1, a=2), lambda: f(1, c=2), lambda: f(b=2),
         lambda: f(1, **{"b": 2, "a": 3}), lambda: f(**{"a": 5}))
for t in tests:
    try:
        print(t())
    except TypeError:
        print("TypeError")
for src in ("f(a=1, a=2)", "f(a=1, 2)"):
    try:
        eval(src)
    except SyntaxError:
        print("SyntaxError")
    except TypeError:
        print("TypeError at call")
