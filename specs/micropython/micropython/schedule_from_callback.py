# feature: micropython.micropython.schedule
# requires: micropython
# A scheduled function may schedule another, which runs afterwards
import micropython

calls = []


def second(arg):
    calls.append(("second", arg))


def first(arg):
    calls.append(("first", arg))
    micropython.schedule(second, arg + 1)


micropython.schedule(first, 10)
for _ in range(10):
    pass
print(calls)
