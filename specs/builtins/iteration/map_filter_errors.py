# feature: builtins.iteration.map_filter
# Errors from the mapped function surface when the item is pulled, not at creation.
m = map(lambda x: 10 // x, [5, 0, 2])
print(next(m))
try:
    next(m)
except ZeroDivisionError:
    print("ZeroDivisionError")
f = filter(lambda s: s.startswith("a"), ["ab", 3])
print(next(f))
try:
    next(f)
except AttributeError:
    print("AttributeError")
try:
    map(abs, 5)
except TypeError:
    print("TypeError")
