# feature: micropython.gc.collect
# requires: gc
# Unreachable reference cycles are reclaimed by collect()
import gc


def make_cycles(n):
    for _ in range(n):
        x = [bytearray(200)]
        y = [x]
        x.append(y)


gc.collect()
base = gc.mem_alloc()
gc.disable()
make_cycles(50)
grown = gc.mem_alloc()
gc.enable()
gc.collect()
print(grown - base > 5000, gc.mem_alloc() - base < 2000)
