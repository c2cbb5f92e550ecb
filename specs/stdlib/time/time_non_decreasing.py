# feature: stdlib.time.clock
# requires: time
# Successive time() readings never go backwards (over a short span)
import time

prev = time.time()
ok = True
for _ in range(1000):
    now = time.time()
    ok = ok and now >= prev
    prev = now
print(ok)
