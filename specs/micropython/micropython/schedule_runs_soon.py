# feature: micropython.micropython.schedule
# requires: micropython
# schedule(f, arg) runs f(arg) soon after, outside the current statement
import micropython

calls = []


def cb(arg):
    calls.append(arg)


micropython.schedule(cb, "first")
seen_at_once = list(calls)
for _ in range(5):
    pass
print(seen_at_once, calls)
