# feature: builtins.iteration.iter_next
# iter() of a non-iterable and next() of a non-iterator raise TypeError.
for bad in (5, None, 1.5):
    try:
        iter(bad)
        print("iterable", type(bad))
    except TypeError:
        print("TypeError iter", type(bad))
try:
    next([1, 2])
except TypeError:
    print("TypeError next list")
