# feature: micropython.gc.control
# requires: gc, micropython
# disable() stops automatic collection even past the threshold; enable() resumes it
import gc


def churn():
    start = gc.mem_alloc()
    peak = 0
    for i in range(100):
        tmp = [i] * 8
        peak = max(peak, gc.mem_alloc() - start)
    return peak


gc.collect()
gc.threshold(1024)
gc.disable()
off = churn()
gc.enable()
gc.collect()
on = churn()
gc.threshold(-1)
print(off > 4000, on < 3000)
