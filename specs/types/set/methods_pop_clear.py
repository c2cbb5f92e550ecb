# feature: types.set.methods
# pop() removes and returns an arbitrary item; an empty set raises KeyError.
s = {"only"}
print(s.pop(), s)
s = {1, 2, 3}
got = {s.pop(), s.pop(), s.pop()}
print(sorted(got), s)
try:
    s.pop()
except KeyError:
    print("KeyError")
t = {1, 2}
t.clear()
print(t, len(t))
