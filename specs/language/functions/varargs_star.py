# feature: language.functions.varargs
# *args collects extra positionals into a tuple.
def f(a, *rest):
    return a, rest, type(rest)
print(f(1))
print(f(1, 2, 3))
print(f(*"xyz"))
def g(*args):
    return len(args), args
print(g(), g(None), g(9, *range(3)))
