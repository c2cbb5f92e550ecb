# feature: language.generators.genexpr
# The outermost iterable is evaluated immediately; everything else lazily.
log = []
def src(tag, items):
    log.append(tag)
    return items
g = (x + y for x in src("outer", [1, 2]) for y in src("inner", [10]))
print(log)
print(next(g), log)
try:
    bad = (1 / x for x in [1, 0])
    print(next(bad))
    next(bad)
except ZeroDivisionError:
    print("ZeroDivisionError deferred")
try:
    (x for x in 5)
except TypeError:
    print("TypeError eager")
