# feature: language.decorators.with_args
# A parametrised decorator can check arguments before calling the function.
def check_range(lo, hi):
    def deco(fn):
        def wrapper(x):
            if not lo <= x <= hi:
                raise ValueError("%d out of range" % x)
            return fn(x)
        return wrapper
    return deco

@check_range(0, 10)
def half(x):
    return x / 2

print(half(4), half(10))
for bad in (-1, 11):
    try:
        half(bad)
    except ValueError as e:
        print("ValueError", e)
