# feature: types.str.search_replace
# replace(old, new[, count]) replaces left to right, without overlap.
s = "one two one two one"
print(s.replace("one", "1"))
print(s.replace("one", "1", 2))
print(s.replace("one", "1", 0), s.replace("one", "1", -1) == s.replace("one", "1"))
print("aaaa".replace("aa", "b"), "abc".replace("x", "y"))
print("abc".replace("", "-"), "abc".replace("", "-", 2))
print("a.b.c".replace(".", ""))
