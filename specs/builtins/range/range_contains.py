# feature: builtins.range.object
# Membership respects start, stop and step; equal floats match, strings never do.
r = range(0, 10, 3)
print([x for x in range(-2, 12) if x in r])
print(-4 in range(0, -10, -2), -5 in range(0, -10, -2), 0 in range(0))
print(2.0 in range(3), 2.5 in range(3), "a" in range(3))
