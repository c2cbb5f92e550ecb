# feature: stdlib.time.clock
# requires: time
# time.time() gives seconds since the 1970 epoch as a number
import time

t = time.time()
print(isinstance(t, (float, int)))
print(t > 1600000000, t < 4000000000)
