# feature: language.decorators.with_args
# tags: core
# A decorator with arguments is a factory returning the real decorator.
def repeat(times, sep=" "):
    def deco(fn):
        def wrapper(*args):
            return sep.join(fn(*args) for _ in range(times))
        return wrapper
    return deco

@repeat(3)
def word(w):
    return w

@repeat(times=2, sep="-")
def pair():
    return "ab"

print(word("go"))
print(pair())
