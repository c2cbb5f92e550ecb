# feature: micropython.gc.collect
# requires: gc, micropython
# Allocating moves bytes from free to allocated: the sum stays the same
import gc

gc.collect()
total = gc.mem_free() + gc.mem_alloc()
keep = [bytearray(100) for _ in range(20)]
print(gc.mem_free() + gc.mem_alloc() == total)
keep = None
gc.collect()
print(gc.mem_free() + gc.mem_alloc() == total)
