# feature: determinism.schedule.latency
# requires: micropython
# timeout: 20
# Scheduling latency: time from micropython.schedule() to the callback running
# (it runs between bytecodes, as a callback scheduled from an interrupt would).
import micropython
import time

got = []


def callback(t0):
    got.append(time.ticks_diff(time.ticks_us(), t0))


if hasattr(micropython, 'schedule'):
    for i in range(10):
        micropython.schedule(callback, time.ticks_us())
        for j in range(4):
            pass
    for d in got:
        print('@measure schedule.latency_us', d, 'us')
    print('callbacks', len(got))
else:
    print('SKIP')
