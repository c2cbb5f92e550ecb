# feature: types.list.methods
# insert(i, x) inserts before index i; out-of-range indexes clamp to the ends.
a = ["b", "d"]
a.insert(1, "c")
a.insert(0, "a")
a.insert(len(a), "e")
print(a)
a.insert(-1, "before-last")
a.insert(100, "end")
a.insert(-100, "start")
print(a)
