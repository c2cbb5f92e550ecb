# feature: language.iterators.iter_next
# next() calls __next__ on the type; iter() calls __iter__.
class Stepper:
    def __init__(self):
        self.n = 0

    def __next__(self):
        self.n += 5
        return self.n

    def __iter__(self):
        return self

s = Stepper()
print(next(s), next(s), next(s))
print(iter(s) is s)
print(s.__next__())
