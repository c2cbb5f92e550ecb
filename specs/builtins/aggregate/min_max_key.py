# feature: builtins.aggregate.min_max
# key= selects the comparison value; ties keep the first item seen.
words = ["pear", "fig", "banana", "kiwi", "apple"]
print(min(words, key=len), max(words, key=len))
print(max(words, key=lambda w: w[-1]))
print(min(-5, 3, -1, key=abs), max(-5, 3, -1, key=abs))
pairs = [("a", 2), ("b", 1), ("c", 2)]
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: p[1]))
print(max([1, 1.0, True], key=int))
