# feature: language.generators.yield
# return inside a generator ends it; the value is carried by StopIteration.value.
def g():
    yield "a"
    return "done"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value, e.args)
def h():
    return
    yield
print(list(h()))
try:
    next(h())
except StopIteration as e:
    print(e.value)
