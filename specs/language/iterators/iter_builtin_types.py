# feature: language.iterators.iter_next
# Built-in containers return iterator objects that support next().
for src in ("xy", (1, 2), [3, 4], range(5, 7), {"k": 1}, b"AB"):
    it = iter(src)
    print(type(src).__name__, next(it), next(it, "end"), next(it, "end"))
