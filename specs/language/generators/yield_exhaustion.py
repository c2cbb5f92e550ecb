# feature: language.generators.yield
# An exhausted generator keeps raising StopIteration, and list() of it is empty.
def g():
    yield 1
it = g()
print(list(it), list(it))
for _ in range(2):
    try:
        next(it)
    except StopIteration:
        print("StopIteration")
