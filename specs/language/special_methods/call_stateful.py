# feature: language.special_methods.call
# A callable object keeps state between calls.
class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.calls

c = Counter()
c()
c()
print(c(), c.calls)
print([c() for _ in range(2)], c.calls)
c.calls = 100
print(c())
