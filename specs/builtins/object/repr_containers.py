# feature: builtins.object.repr
# repr() of containers uses the repr of their items.
print(repr([1, "a", None]), repr((1,)), repr(()), repr((1, 2)))
print(repr({"k": [1, 2]}), repr({}), repr(set()), repr({3}))
print(repr(frozenset()), repr(frozenset([4])))
print(repr(b"a\x00'"), repr(bytearray(b"xy")), repr(b'"'))
print(repr([[]]), repr(["it's"]))
