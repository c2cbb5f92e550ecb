# feature: language.functions.varargs
# The *args tuple is immutable and **kwargs is a copy of the caller's dict.
def f(*args, **kw):
    try:
        args[0] = 1
    except TypeError:
        print("TypeError")
    kw["new"] = 1
    return kw
src = {"a": 1}
out = f(0, **src)
print(sorted(src), sorted(out), out is src)
def g(**kw):
    return kw
print(g(**{}), g())
