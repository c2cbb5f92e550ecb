# feature: determinism.heap.churn
# requires: micropython
# timeout: 30
# ROB_HEAP: many small buffers of varying size, again and again. Afterwards all of
# it must be reclaimable, and the largest block that can still be allocated shows
# the fragmentation left behind.
import gc
import time


def churn(rounds):
    pool = [None] * 12
    for i in range(rounds):
        pool[(i * 7) % 12] = bytearray(8 + (i * 13) % 80)
    return len(pool)


def largest(limit):
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        try:
            b = bytearray(mid)
            b = None
            lo = mid
        except MemoryError:
            hi = mid - 1
    return lo


gc.collect()
before = gc.mem_free()
t0 = time.ticks_us()
churn(300)
t1 = time.ticks_us()
gc.collect()
after = gc.mem_free()
print('reclaimed', after >= before - 64)
print('@measure churn_us', time.ticks_diff(t1, t0), 'us')
print('@measure heap.free_after', after, 'bytes')
print('@measure heap.largest_block', largest(after), 'bytes')
