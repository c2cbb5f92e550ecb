# feature: types.str.split_partition
# split(sep) keeps empty fields; split() with no separator collapses whitespace.
print("a,b,,c,".split(","))
print("  one  two\tthree\n".split())
print("".split(), "".split(","), "   ".split())
print("a--b--c".split("--"), "abc".split("abc"))
print("1 2 3".split(" "))
