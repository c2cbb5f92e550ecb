# feature: micropython.micropython.schedule
# requires: micropython
# Several scheduled calls run in the order they were scheduled
import micropython

calls = []


def cb(arg):
    calls.append(arg)


micropython.schedule(cb, 1)
micropython.schedule(cb, 2)
micropython.schedule(cb, 3)
for _ in range(5):
    pass
print(calls)
