# feature: language.decorators.with_args
# One decorator usable both bare (@deco) and with arguments (@deco(prefix=...)).
def label(fn=None, prefix="*"):
    def deco(f):
        return lambda: prefix + f()
    if fn is None:
        return deco
    return deco(fn)

@label
def a():
    return "a"

@label(prefix="#")
def b():
    return "b"

@label()
def c():
    return "c"

print(a(), b(), c())
