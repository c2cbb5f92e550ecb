# feature: builtins.iteration.enumerate_zip
# enumerate() pairs an index with each item; start may be given by position,
# by keyword, or be negative.
print(list(enumerate("abc")))
print(list(enumerate("ab", 10)))
print(list(enumerate("ab", start=-1)))
print(list(enumerate([])))
for i, (k, v) in enumerate([("x", 1), ("y", 2)], 1):
    print(i, k, v)
