# feature: builtins.iteration.enumerate_zip
# enumerate() is a lazy iterator over any iterable, including generators.
def gen():
    for c in "pq":
        print("yield", c)
        yield c
e = enumerate(gen())
print("created")
print(next(e))
print(iter(e) is e)
print(list(e))
try:
    next(e)
except StopIteration:
    print("StopIteration")
