# feature: micropython.gc.collect
# requires: gc, micropython
# Memory of an unreachable object is returned by gc.collect()
import gc

gc.collect()
before = gc.mem_alloc()
big = bytearray(3000)
after_alloc = gc.mem_alloc()
print(after_alloc - before >= 3000)
big = None
gc.collect()
print(gc.mem_alloc() < after_alloc - 2500)
