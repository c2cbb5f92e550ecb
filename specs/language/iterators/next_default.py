# feature: language.iterators.iter_next
# tags: core
# next(it, default) returns default instead of raising when exhausted.
it = iter("ab")
print(next(it, "-"), next(it, "-"), next(it, "-"), next(it, None))
empty = iter([])
print(next(empty, 0))
try:
    next(empty)
except StopIteration as e:
    print("StopIteration", e.args)
