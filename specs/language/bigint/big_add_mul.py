# feature: language.bigint.arithmetic
# Integers grow past machine word size without overflow.
a = 2 ** 64
print(a, a - 1, a + a, a * a)
print(12345678901234567890 * 98765432109876543210)
f = 1
for i in range(1, 26):
    f *= i
print(f, f // 10 ** 20)
print((2 ** 100 - 1) % 1000, -(2 ** 70))
print(type(a), 10 ** 30 > 10 ** 29)
