# feature: determinism.timing.workload
# requires: micropython
# timeout: 20
# PERF_CPU: a fixed integer workload (no allocation in the loop), timed on the target.
import time


def work(n):
    a, b, acc = 0, 1, 0
    for i in range(n):
        a, b = b, (a + b) & 0xffff
        acc = (acc ^ (a * 31 + i)) & 0xffff
    return acc


work(10)
t0 = time.ticks_us()
r = work(2000)
t1 = time.ticks_us()
print('result', r)
print('@measure workload_us', time.ticks_diff(t1, t0), 'us')
