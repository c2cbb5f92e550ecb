# feature: types.str.split_partition
# maxsplit limits the number of splits; rsplit works from the right.
s = "a,b,c,d"
print(s.split(",", 1), s.split(",", 0), s.split(",", -1))
print(s.rsplit(",", 1), s.rsplit(",", 2), s.rsplit(","))
print("  x  y  z  ".split(None, 1))
print("k=v=w".split("=", 1), "k=v=w".rsplit("=", 1))
