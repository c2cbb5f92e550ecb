# feature: language.iterators.protocol
# iter() rejects non-iterables and __iter__ results that are not iterators.
class NoIter:
    pass

class BadIter:
    def __iter__(self):
        return 5

for obj in (NoIter(), BadIter(), 3.5):
    try:
        iter(obj)
        print("iterable")
    except TypeError:
        print(type(obj).__name__, "TypeError")
try:
    next([1, 2])
except TypeError:
    print("list TypeError")
