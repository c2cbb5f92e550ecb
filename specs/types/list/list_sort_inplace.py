# feature: types.list.methods
# sort() reorders in place and returns None; a failed sort raises TypeError.
a = [3, 1, 2]
r = a.sort()
print(r, a)
a.sort(key=lambda x: -x)
print(a)
words = ["bb", "a", "ccc"]
words.sort(key=len, reverse=True)
print(words)
try:
    [1, "x"].sort()
except TypeError:
    print("TypeError")
