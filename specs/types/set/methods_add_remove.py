# feature: types.set.methods
# add() ignores duplicates; remove() raises KeyError for missing items, discard() does not.
s = set()
s.add(1)
s.add(1)
s.add("a")
print(len(s), 1 in s, "a" in s)
s.discard(99)
s.remove(1)
print(sorted(s, key=str))
try:
    s.remove(1)
except KeyError:
    print("KeyError")
try:
    s.add([])
except TypeError:
    print("TypeError")
