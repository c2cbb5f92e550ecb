# feature: language.operators.precedence
# Multiplicative over additive, unary minus vs power, left associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 + 4)
print(10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 ** -1)
print(-3 ** 2, (-3) ** 2, 2 * -3 ** 2)
print(7 // 2 * 2, 7 % 4 * 3, -7 // 2 + 1)
print(1 + 2 * 3 ** 2 // 4 % 5 - 6)
