# feature: builtins.object.len_hash
# len() of built-in containers; str length counts code points, not bytes.
print(len(""), len("abc"), len("\u00e9\u20ac"), len("\U0001F600"))
print(len(b"\x00\x01"), len(bytearray(5)), len([None] * 4), len((1,)))
print(len({"a": 1, "b": 2}), len({1, 2, 2, 3}), len(frozenset()))
print(len(range(0, 10, 4)), len(range(5, 0, -2)))
print(len({}.keys()), len({1: 2}.items()))
