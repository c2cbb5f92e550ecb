# feature: language.generators.yield
# An exhausted generator keeps raising StopIteration; a running generator cannot be re-entered.
def g():
    yield 1
it = g()
print(list(it), list(it))
for _ in range(2):
    try:
        next(it)
    except StopIteration:
        print("StopIteration")
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError:
    print("ValueError")
