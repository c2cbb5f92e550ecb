# feature: micropython.gc.collect
# requires: gc
# Objects still referenced survive collection intact, including cycles
import gc

data = {"nums": list(range(50)), "text": "x" * 100}
a = [1]
b = [a]
a.append(b)
for _ in range(3):
    junk = [bytearray(64) for _ in range(50)]
    gc.collect()
print(sum(data["nums"]), len(data["text"]), a[1][0] is a)
