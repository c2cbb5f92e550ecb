# feature: builtins.range.object
# len() and indexing of ranges, including negative steps and negative indexes.
for r in (range(5), range(2, 9), range(0, 10, 3), range(10, 0, -3), range(5, 0), range(0, -7, -2)):
    print(r, len(r), list(r), r[0] if r else None, r[-1] if r else None)
try:
    range(3)[3]
except IndexError:
    print("IndexError")
