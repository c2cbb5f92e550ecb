# feature: micropython.gc.control
# requires: gc
# disable() stops automatic collection even past the threshold; enable() resumes it
import gc


def churn():
    start = gc.mem_alloc()
    peak = 0
    for i in range(300):
        tmp = [i] * 8
        peak = max(peak, gc.mem_alloc() - start)
    return peak


gc.collect()
gc.threshold(2048)
gc.disable()
off = churn()
gc.enable()
gc.collect()
on = churn()
gc.threshold(-1)
print(off > 10000, on < 8000)
