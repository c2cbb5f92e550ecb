# feature: determinism.heap.lock
# requires: micropython
# timeout: 20
# NOHEAP: an allocation-free loop run with the heap locked. Any allocation inside
# it would raise MemoryError, so finishing is the proof that it allocates nothing.
import micropython
import time

buf = bytearray(64)


def fill(b, n):
    s = 0
    for i in range(n):
        b[i & 63] = i & 255
        s += b[i & 63]
    return s


s = fill(buf, 1)  # warm-up; also creates the global s, as a new global would allocate
t0 = time.ticks_us()
micropython.heap_lock()
s = fill(buf, 1500)
micropython.heap_unlock()
t1 = time.ticks_us()
print('checksum', s)
print('@measure heap_locked.loop_us', time.ticks_diff(t1, t0), 'us')
