# feature: language.comprehensions.scoping
# An inner for clause can use the previous clause's variable; nested comprehensions see outer ones.
print([(a, b) for a in range(1, 4) for b in range(a, 4) if a + b == 4])
print([[a * b for b in range(a)] for a in range(4)])
w = [s for s in ["ab", "cde"] for s in s]
print(w)
