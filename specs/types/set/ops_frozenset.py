# feature: types.set.operations
# frozenset is immutable and hashable; mixed operations return the left operand's type.
f = frozenset([1, 2])
print(type(f | {3}), type({3} | f), type(f & f))
print(sorted(f | {3}), sorted(f))
lookup = {f: "pair", frozenset(): "empty"}
print(lookup[frozenset([2, 1])], lookup[frozenset()])
print(hash(f) == hash(frozenset([2, 1])), frozenset(f) == f)
try:
    f.add(3)
except AttributeError:
    print("AttributeError")
