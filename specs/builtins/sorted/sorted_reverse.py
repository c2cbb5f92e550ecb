# feature: builtins.sorted.key
# reverse=True sorts descending, and can be combined with key.
print(sorted([3, 1, 2], reverse=True))
print(sorted("abc", reverse=True))
print(sorted(["aa", "b", "ccc"], key=len, reverse=True))
print(sorted([1, 2, 3], reverse=False))
print(sorted([-4, 3, -2, 1], key=abs, reverse=True))
