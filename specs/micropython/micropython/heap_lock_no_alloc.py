# feature: micropython.micropython.heap_lock
# requires: micropython
# Code that does not allocate runs normally while the heap is locked
import micropython

buf = bytearray(4)


def work(a, b):
    buf[0] = a * b
    buf[1] = len(buf)
    total = 0
    i = 0
    while i < 5:
        total += i
        i += 1
    return total + a - b


def run():
    micropython.heap_lock()
    try:
        r = work(6, 7)
    except MemoryError:
        r = -1
    micropython.heap_unlock()
    return r


print(run(), buf)
