# feature: micropython.micropython.heap_lock
# requires: micropython
# heap_lock nests; heap_unlock returns the remaining depth and the heap stays locked until 0
import micropython


def nested():
    micropython.heap_lock()
    micropython.heap_lock()
    d1 = micropython.heap_unlock()
    try:
        x = [0] * 4
        ok = True
    except MemoryError:
        ok = False
    d0 = micropython.heap_unlock()
    return d1, ok, d0


print(nested())
print(len([0] * 4))
