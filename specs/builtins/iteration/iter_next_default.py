# feature: builtins.iteration.iter_next
# next(it, default) returns the default instead of raising StopIteration.
it = iter([1, 2])
print(next(it), next(it, "d"), next(it, "d"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(next(iter(""), "empty"))
