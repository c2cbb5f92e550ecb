# feature: stdlib.time.clock
# requires: time
# sleep() returns None and lets at least the requested time pass
import time

t0 = time.time()
print(time.sleep(0))
print(time.sleep(0.2))
print(time.time() - t0 >= 0.15)
