# feature: language.operators.arithmetic
# Floor division and modulo round toward negative infinity; sign of % follows divisor.
for a, b in ((7, 3), (-7, 3), (7, -3), (-7, -3), (0, -5), (6, -3)):
    q, r = a // b, a % b
    print(a, b, q, r, q * b + r == a)
print(-7.0 // 2, -7.0 % 2, 7.5 % -2)
