# feature: micropython.gc.control
# requires: gc, micropython
# threshold() reads the allocation threshold (-1 = off); threshold(n) sets it, rounded to blocks
import gc

print(gc.threshold())
gc.threshold(8192)
t = gc.threshold()
print(0 < t <= 8192, 8192 - t < 64)
gc.threshold(-1)
print(gc.threshold())
