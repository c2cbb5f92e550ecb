# feature: builtins.introspection.type_callable
# callable() is True for functions, classes, methods and objects with __call__.
class Adder:
    def __call__(self, x):
        return x + 1
class Plain:
    def method(self):
        pass
print(callable(len), callable(lambda: 0), callable(print))
print(callable(Adder), callable(Adder()), callable(Plain()), callable(Plain().method))
print(callable(1), callable("len"), callable(None), callable([]))
print(callable(str.upper), callable(int))
