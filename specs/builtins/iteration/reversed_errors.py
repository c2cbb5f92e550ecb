# feature: builtins.iteration.reversed
# reversed() needs a sequence: iterators, sets and plain objects raise TypeError.
for bad in (iter([1]), {1, 2}, object(), 7):
    try:
        reversed(bad)
        print("reversed ok")
    except TypeError:
        print("TypeError")
