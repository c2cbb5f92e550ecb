# feature: language.functions.varargs
# Forwarding *args/**kwargs through a wrapper preserves them.
def target(x, y=0, *more, flag=False, **opts):
    return x, y, more, flag, sorted(opts.items())
def wrap(*a, **k):
    return target(*a, **k)
print(wrap(1))
print(wrap(1, 2, 3, flag=True, q=1))
print(wrap(y=5, x=6))
def count(*a, **k):
    return len(a) + len(k)
print(count(*wrap(1)), count(**{"a": 1, "b": 2}))
