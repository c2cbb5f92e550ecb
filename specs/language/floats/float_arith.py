# feature: language.floats.arithmetic
# Basic float arithmetic with exactly representable values.
print(0.5 + 0.25, 1.5 * 4, 7.5 / 2.5, 2.0 ** 10, 1 - 0.75)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, divmod(7.5, -2))
print(3 * 0.5 == 1.5, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(-0.0 == 0.0, 1 / 4 + 1 / 4, 2 ** -3)
print(sum([0.5] * 8), max(1.5, 2), min(-0.5, 0))
