# feature: types.tuple.ops
# Tuple indexing and step-1 slicing return items and new tuples.
t = (10, 20, 30, 40, 50)
print(t[0], t[-1], t[1:3], t[:2], t[3:], t[-2:], t[4:1], t[:])
print(type(t[1:2]), t[1:2], t[10:], t[-100:1])
try:
    t[5]
except IndexError:
    print("IndexError")
