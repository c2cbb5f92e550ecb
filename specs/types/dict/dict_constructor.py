# feature: types.dict.methods
# dict() from keywords, pairs, another dict, or zip; equality ignores order.
a = dict(x=1, y=2)
b = dict([("y", 2), ("x", 1)])
c = dict(a)
d = dict(zip("xy", (1, 2)))
print(a == b == c == d, c is a)
print(sorted(dict({"k": 1}, k=2, m=3).items()))
print(dict(), dict([]) == {})
print({1: "a", 1.0: "b", True: "c"})
