# feature: types.list.methods
# index(x[, start[, end]]) finds the first match; count() counts equal items.
a = ["a", "b", "a", "c", "a"]
print(a.index("a"), a.index("a", 1), a.index("a", 3), a.index("c", -3))
print(a.count("a"), a.count("z"), [1, 1.0, True].count(1))
try:
    a.index("b", 2)
except ValueError:
    print("ValueError")
try:
    a.index("c", 0, 3)
except ValueError:
    print("ValueError end")
