# feature: micropython.micropython.heap_lock
# requires: micropython
# With the heap locked, any allocation raises MemoryError; unlocking restores it
import micropython

n = 100


def locked(fn):
    micropython.heap_lock()
    try:
        fn()
        r = "ok"
    except MemoryError:
        r = "MemoryError"
    micropython.heap_unlock()
    return r


for label, fn in (("list", lambda: [1, 2, 3]), ("dict", lambda: {"k": 1}),
                  ("str", lambda: "a" + str(n)), ("bigint", lambda: (1 << n) * 3)):
    print(label, locked(fn))
print(len([0] * 5))
