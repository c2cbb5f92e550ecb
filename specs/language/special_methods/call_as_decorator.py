# feature: language.special_methods.call
# A callable class instance can wrap a function and be used as a decorator.
class Trace:
    def __init__(self, fn):
        self.fn = fn
        self.log = []

    def __call__(self, *args):
        self.log.append(args)
        return self.fn(*args)

@Trace
def mul(a, b):
    return a * b

print(mul(3, 4), mul(2, 5))
print(isinstance(mul, Trace), mul.log)
