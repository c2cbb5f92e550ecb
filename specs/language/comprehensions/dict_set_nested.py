# feature: language.comprehensions.dict_set
# Nested dict/set comprehensions and filters.
grid = {r: {c: r * c for c in range(3) if c != r} for r in range(3)}
print(sorted((r, sorted(row.items())) for r, row in grid.items()))
pairs = {(a, b) for a in range(3) for b in range(3) if a < b}
print(sorted(pairs))
print(sorted(sorted(s) for s in {frozenset((a, b)) for a in "xy" for b in "xy"}))
