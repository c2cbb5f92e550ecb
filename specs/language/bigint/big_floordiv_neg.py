# feature: language.bigint.arithmetic
# Floor division, modulo and divmod on big negative operands round toward minus infinity.
a = 10 ** 25 + 7
for x, y in ((a, 3), (-a, 3), (a, -3), (-a, -3), (-a, 10 ** 20)):
    q, r = divmod(x, y)
    print(q, r, q == x // y, r == x % y, q * y + r == x)
print(-1 // 10 ** 30, (-1) % 10 ** 30 == 10 ** 30 - 1)
