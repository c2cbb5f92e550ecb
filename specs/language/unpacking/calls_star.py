# feature: language.unpacking.calls
# Multiple * and ** unpackings in one call.
def f(*a, **k):
    return a, sorted(k.items())
print(f(*[1, 2], 3, *(4,), *"ab"))
print(f(**{"x": 1}, y=2, **{"z": 3}))
print(f(*range(2), **dict(a=1)))
try:
    f(**{"x": 1}, **{"x": 2})
except TypeError:
    print("TypeError")
