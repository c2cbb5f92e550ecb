# feature: micropython.micropython.schedule
# requires: micropython
# The schedule queue is finite; scheduling too many at once raises RuntimeError
import micropython

calls = []


def cb(arg):
    calls.append(arg)


n = 0
try:
    micropython.schedule(cb, 0); n += 1
    micropython.schedule(cb, 1); n += 1
    micropython.schedule(cb, 2); n += 1
    micropython.schedule(cb, 3); n += 1
    micropython.schedule(cb, 4); n += 1
    micropython.schedule(cb, 5); n += 1
    micropython.schedule(cb, 6); n += 1
    micropython.schedule(cb, 7); n += 1
    micropython.schedule(cb, 8); n += 1
    micropython.schedule(cb, 9); n += 1
    print("all scheduled")
except RuntimeError:
    print("RuntimeError", n >= 1)
for _ in range(5):
    pass
print(calls == list(range(n)))
