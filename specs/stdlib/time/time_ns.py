# feature: stdlib.time.clock
# requires: time
# time_ns() is an int in nanoseconds that agrees with time()
import time

ns = time.time_ns()
s = time.time()
print(isinstance(ns, int))
print(abs(ns / 1e9 - s) < 5)
print(time.time_ns() >= ns)
