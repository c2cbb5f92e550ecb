# feature: micropython.gc.collect
# requires: gc, micropython
# Unreachable reference cycles are reclaimed by collect()
import gc


def make_cycles(n):
    for _ in range(n):
        x = [bytearray(100)]
        y = [x]
        x.append(y)


gc.collect()
base = gc.mem_alloc()
gc.disable()
make_cycles(20)
grown = gc.mem_alloc()
gc.enable()
gc.collect()
print(grown - base > 2000, gc.mem_alloc() - base < 1000)
