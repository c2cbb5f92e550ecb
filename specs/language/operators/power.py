# feature: language.operators.arithmetic
# ** with negative, zero and float exponents; right associativity.
print(2 ** 10, 2 ** -1, 2 ** 0, 0 ** 0, (-2) ** 3)
print(type(2 ** -1), 4 ** 0.5, 10 ** -2)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2)
print(0.0 ** 0, 1 ** 1000, (-1) ** 1001)
r = (-8) ** (1 / 3)
print(type(r))
