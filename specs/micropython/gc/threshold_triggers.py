# feature: micropython.gc.control
# requires: gc, micropython
# With a small threshold, collection runs by itself after that many bytes are allocated
import gc

gc.collect()
gc.threshold(4096)
base = gc.mem_alloc()
peak = 0
for i in range(500):
    tmp = bytearray(100)
    peak = max(peak, gc.mem_alloc() - base)
gc.threshold(-1)
print(peak < 20000)
