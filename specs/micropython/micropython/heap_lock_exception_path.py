# feature: micropython.micropython.heap_lock
# requires: micropython
# The MemoryError raised under the lock can be caught repeatedly while still locked
import micropython


def attempts(k):
    caught = 0
    i = 0
    micropython.heap_lock()
    while i < k:
        try:
            x = [i]
        except MemoryError:
            caught += 1
        i += 1
    micropython.heap_unlock()
    return caught


print(attempts(3))
