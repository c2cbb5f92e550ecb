# feature: language.generators.yield
# A StopIteration raised inside a generator body becomes RuntimeError (PEP 479).
def g():
    yield 1
    raise StopIteration("inner")
it = g()
print(next(it))
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError")
except StopIteration:
    print("StopIteration")
