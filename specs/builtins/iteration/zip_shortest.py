# feature: builtins.iteration.enumerate_zip
# zip() stops at the shortest input; with no inputs it is empty.
print(list(zip([1, 2, 3], "ab")))
print(list(zip([1], [2, 3], "xyz")))
print(list(zip()))
print(list(zip([])), list(zip("ab")))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
print(dict(zip("kl", range(2))) == {"k": 0, "l": 1})
