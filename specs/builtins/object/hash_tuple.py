# feature: builtins.object.len_hash
# Tuples hash by content; tuples containing unhashable items are unhashable.
a = (1, (2, 3), "x")
b = (1, (2, 3), "x")
print(hash(a) == hash(b), a == b, type(hash(a)))
print(hash(()) == hash(tuple()), hash((1, 2)) == hash((1.0, 2)))
print(len({(1, 2), (1, 2), (2, 1)}))
for bad in ((1, [2]), [1], {1: 2}, {3}):
    try:
        hash(bad)
        print("hashable")
    except TypeError:
        print("TypeError", type(bad))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
