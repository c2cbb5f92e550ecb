# feature: builtins.sorted.key
# Sorting is guaranteed stable: items with equal keys keep their input order,
# also with reverse=True, so multi-pass sorts compose.
recs = [("ann", 3), ("bob", 1), ("cy", 3), ("dee", 2), ("eve", 1), ("fay", 2),
        ("gus", 3), ("hal", 1), ("ivy", 2), ("jo", 3), ("kim", 1), ("lu", 2)]
print([n for n, _ in sorted(recs, key=lambda r: r[1])])
print([n for n, _ in sorted(recs, key=lambda r: r[1], reverse=True)])
by_name = sorted(recs, key=lambda r: r[0], reverse=True)
print([n for n, _ in sorted(by_name, key=lambda r: r[1])])
print(sorted([1, True, 1.0, 0, False, 0.0]))
