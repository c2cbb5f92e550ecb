# feature: determinism.gc.pause
# requires: micropython
# timeout: 30
# GC pauses: explicit gc.collect() with live objects, then automatic collections
# under allocation churn, triggered by gc.threshold() (set here, so the trigger is
# known). An iteration whose free memory rose ran a collection: it is timed as a pause.
import gc
import time

keep = [bytearray(16) for i in range(24)]
for i in range(8):
    t0 = time.ticks_us()
    gc.collect()
    print('@measure gc.collect_us', time.ticks_diff(time.ticks_us(), t0), 'us')
gc.threshold(1024)
start = time.ticks_us()
prev = gc.mem_free()
seen = 0
for i in range(160):
    t0 = time.ticks_us()
    b = bytearray(24 + (i % 4) * 16)
    t1 = time.ticks_us()
    free = gc.mem_free()
    if free > prev:
        seen += 1
        print('@measure gc.pause_us', time.ticks_diff(t1, t0), 'us',
              'at=%d' % time.ticks_diff(t0, start))
    prev = free
print('@measure gc.span_us', time.ticks_diff(time.ticks_us(), start), 'us')
print('@measure gc.collections', seen)
gc.threshold(-1)
print('collections seen', seen > 0)
