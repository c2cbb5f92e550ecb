# feature: types.str.slicing_encode
# Indexing and step-1 slicing with negative indexes and clamped bounds.
s = "abcdefgh"
print(s[0], s[-1], s[2:5], s[:3], s[5:], s[-3:], s[:-3])
print(repr(s[5:2]), repr(s[100:]), s[-100:2], s[:], s[2:-2])
for i in (8, -9):
    try:
        s[i]
    except IndexError:
        print("IndexError", i)
