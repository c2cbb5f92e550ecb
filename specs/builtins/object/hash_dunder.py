# feature: builtins.object.len_hash
# hash() uses __hash__; defining __eq__ alone makes a class unhashable;
# __hash__ = None opts out explicitly.
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return self.k == other.k
    def __hash__(self):
        return hash(self.k)
class EqOnly:
    def __eq__(self, other):
        return True
class NoHash:
    __hash__ = None
print(hash(Key(5)), hash(Key(5)) == hash(Key(5)), len({Key(1), Key(1), Key(2)}))
for label, cls in (("EqOnly", EqOnly), ("NoHash", NoHash)):
    try:
        hash(cls())
        print("hashable", label)
    except TypeError:
        print("TypeError", label)
o = object()
print(hash(o) == hash(o))
