# feature: types.str.split_partition
# split()/rsplit() accept sep= and maxsplit= as keywords.
print("one two three".split(maxsplit=1))
print("one two three".rsplit(maxsplit=1))
print("a,b,c".split(sep=",", maxsplit=1))
print("a,b,c".rsplit(",", maxsplit=1))
