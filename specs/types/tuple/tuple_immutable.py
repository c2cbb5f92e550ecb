# feature: types.tuple.ops
# Tuples are immutable, but a mutable item inside can still change;
# + and * build new tuples; a one-item tuple needs a trailing comma.
t = (1, [2])
try:
    t[0] = 5
except TypeError:
    print("TypeError")
t[1].append(3)
print(t, t + (4,), (0,) * 3, 2 * ("a", "b"), () * 5)
print(type((1)), type((1,)), tuple("ab"), tuple())
try:
    t += [5]
except TypeError:
    print("TypeError concat")
