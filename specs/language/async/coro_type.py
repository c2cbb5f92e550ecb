# feature: language.async.coroutines
# A coroutine object is not a plain generator: it is not iterable.
async def f():
    return 1

c = f()
print(type(c).__name__)
try:
    iter(c)
    print("iterable")
except TypeError:
    print("TypeError")
c.close()
