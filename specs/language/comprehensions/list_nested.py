# feature: language.comprehensions.list
# Multiple for clauses nest left to right; comprehensions can nest inside each other.
print([(a, b) for a in range(3) for b in range(a)])
m = [[1, 2, 3], [4, 5, 6]]
print([x for row in m for x in row])
print([[row[i] for row in m] for i in range(3)])
print([x + y for x in "ab" if x != "b" for y in "xy" if y != "x"])
print([[j for j in range(i)] for i in range(4)])
