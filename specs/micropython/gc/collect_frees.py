# feature: micropython.gc.collect
# requires: gc
# Memory of an unreachable object is returned by gc.collect()
import gc

gc.collect()
before = gc.mem_alloc()
big = bytearray(20000)
after_alloc = gc.mem_alloc()
print(after_alloc - before >= 20000)
big = None
gc.collect()
print(gc.mem_alloc() < after_alloc - 15000)
