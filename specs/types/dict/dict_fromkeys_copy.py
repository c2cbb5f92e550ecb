# feature: types.dict.methods
# fromkeys() shares one value object; copy() is shallow; clear() empties.
d = dict.fromkeys("abc")
print(sorted(d.items()))
shared = dict.fromkeys([1, 2], [])
shared[1].append("x")
print(sorted(shared.items()), shared[1] is shared[2])
c = shared.copy()
c[3] = "new"
print(len(shared), len(c), c[1] is shared[1])
shared.clear()
print(shared, len(c))
