# feature: language.special_methods.call
# tags: core
# __call__ makes instances callable with any argument form.
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *more, scale=1):
        return (self.n + x + sum(more)) * scale

add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10))
print(list(map(add5, [0, 10])))
print(callable(add5), callable(Adder), callable(5))
