# feature: language.generators.yield_from
# yield from on a non-iterable raises TypeError when reached.
def g(x):
    yield "start"
    yield from x
it = g(5)
print(next(it))
try:
    next(it)
except TypeError:
    print("TypeError")
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(g(It())))
