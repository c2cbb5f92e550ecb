# feature: micropython.gc.collect
# requires: gc
# Objects still referenced survive collection intact, including cycles
import gc

data = {"nums": list(range(30)), "text": "x" * 40}
a = [1]
b = [a]
a.append(b)
for _ in range(3):
    junk = [bytearray(32) for _ in range(20)]
    gc.collect()
print(sum(data["nums"]), len(data["text"]), a[1][0] is a)
