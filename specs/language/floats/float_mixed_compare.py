# feature: language.floats.arithmetic
# Comparisons between floats and ints are exact, even for large ints.
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53)
print(2 ** 53 + 1 > 2.0 ** 53, 10 ** 20 < 1e20 + 1e5, 0.5 < 1 < 1.5)
print(sorted([3, 1.5, 2, -0.5, 0]))
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308)
