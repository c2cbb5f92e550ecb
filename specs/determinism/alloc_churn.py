# feature: determinism.heap.churn
# requires: micropython
# timeout: 30
# ROB_HEAP: many small buffers of varying size, again and again. Afterwards it must
# be reclaimable (a stale pointer seen by the conservative collector may keep the last
# pool, under 1.2 KB, alive), and the largest block that can still be allocated shows
# the fragmentation left behind.
import gc
import time


def churn(rounds, track):
    pool = [None] * 12
    peak = 0
    for i in range(rounds):
        pool[(i * 7) % 12] = bytearray(8 + (i * 13) % 80)
        if track and i % 10 == 0 and gc.mem_alloc() > peak:  # sampled: mem_alloc walks the heap
            peak = gc.mem_alloc()
    return peak


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
churn(300, False)
t1 = time.ticks_us()
peak = churn(300, True)  # again, with the heap in use sampled (slow: not timed)
gc.collect()
after = gc.mem_free()
print('reclaimed', after >= before - 1200)
print('@measure heap.unreclaimed', max(0, before - after), 'bytes')
print('@measure churn_us', time.ticks_diff(t1, t0), 'us')
print('@measure heap.peak', peak, 'bytes')
print('@measure heap.free_after', after, 'bytes')
print('@measure heap.largest_block', largest(after), 'bytes')
