# feature: language.operators.comparison
# is / is not and in / not in, including in-operator chaining.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, not None is None)
print(2 in a, 3 not in a, "bc" in "abcd", "" in "x")
print(1 in a in [a], 2 in [1, 2] == True)
d = {"k": 1}
print("k" in d, 1 in d, 1 in d.values())
