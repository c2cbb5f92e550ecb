# feature: language.comprehensions.list
# List comprehensions with conditions and expressions.
print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([c.upper() if c in "aeiou" else c for c in "banana"])
print([(i, s) for i, s in enumerate("ab")])
print([] == [x for x in []], type([x for x in ()]))
