# feature: language.decorators.function
# A decorator may return any object, or register the function and return it unchanged.
registry = {}

def register(fn):
    registry[fn.__name__] = fn
    return fn

def to_value(fn):
    return fn()

@register
def alpha():
    return 1

@to_value
def beta():
    return [1, 2, 3]

print(sorted(registry), alpha())
print(beta, type(beta) is list)
print(registry["alpha"] is alpha)
