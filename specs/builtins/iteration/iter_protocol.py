# feature: builtins.iteration.iter_next
# iter() uses __iter__; next() calls __next__; iterators return themselves.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(iter(c) is c)
print(next(c), list(c), list(c))
it = iter([5, 6])
print(iter(it) is it, next(it))
for x in Countdown(2):
    print("loop", x)
