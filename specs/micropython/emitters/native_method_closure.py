# feature: micropython.emitters.native
# requires: micropython, emitter.native
# Methods and closures can be native too
import micropython


class Counter:
    def __init__(self):
        self.n = 0

    @micropython.native
    def bump(self, by):
        self.n += by
        return self.n


@micropython.native
def adder(x):
    def inner(y):
        return x + y
    return inner


c = Counter()
c.bump(2)
print(c.bump(5), adder(3)(4))
