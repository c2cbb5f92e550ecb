# feature: language.unpacking.assignment
# for-loop targets can unpack, nest and use starred names.
for k, v in [("a", 1), ("b", 2)]:
    print(k, v)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x + y)
for first, *rest in ["abc", "d"]:
    print(first, rest)
obj = {}
for obj["k"] in range(3):
    pass
print(obj)
