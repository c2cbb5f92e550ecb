# feature: micropython.gc.collect
# requires: gc, micropython
# mem_free() and mem_alloc() return non-negative ints; collect() may be called any time
import gc

gc.collect()
f, a = gc.mem_free(), gc.mem_alloc()
print(isinstance(f, int), isinstance(a, int), f > 0, a > 0)
for _ in range(3):
    gc.collect()
print(gc.mem_free() > 0)
