# feature: types.tuple.ops
# count() and index() with optional start/end; index() raises ValueError.
t = ("a", "b", "a", "c", "a")
print(t.count("a"), t.count("z"), (1, 1.0, True).count(1))
print(t.index("a"), t.index("a", 1), t.index("a", 3), t.index("c", -3))
for args in (("z",), ("b", 2), ("c", 0, 3)):
    try:
        t.index(*args)
    except ValueError:
        print("ValueError", args)
