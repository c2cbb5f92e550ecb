# feature: types.str.split_partition
# rsplit(None, n) splits on runs of whitespace from the right.
print("a b  c   d".rsplit(None, 1))
print("  a b c  ".rsplit(None, 2))
print("a b c".rsplit(None, 0), "a b c".rsplit(None, 5))
