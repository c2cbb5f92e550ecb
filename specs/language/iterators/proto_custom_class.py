# feature: language.iterators.protocol
# tags: core
# A class with __iter__ returning self and __next__ raising StopIteration is an iterator.
class Range2:
    def __init__(self, start, stop):
        self.cur, self.stop = start, stop

    def __iter__(self):
        return self

    def __next__(self):
        if self.cur >= self.stop:
            raise StopIteration
        v = self.cur
        self.cur += 2
        return v

print(list(Range2(0, 7)))
print(sum(Range2(1, 6)), max(Range2(3, 10)))
for v in Range2(10, 13):
    print(v)
