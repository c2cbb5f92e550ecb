# feature: types.tuple.ops
# Extended tuple slices with a step.
t = tuple(range(7))
print(t[::2], t[::-1], t[5:1:-2], t[1::3])
