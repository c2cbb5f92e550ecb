# feature: language.floats.arithmetic
# Floats are IEEE 754 doubles: 53-bit mantissa and rounding of big integers.
print(2.0 ** 53 + 1 == 2.0 ** 53, 2.0 ** 52 + 1 == 2.0 ** 52)
print(float(2 ** 53 + 1) == float(2 ** 53), 9007199254740993.0 == 9007199254740992.0)
eps = 1.0
while 1.0 + eps / 2 != 1.0:
    eps /= 2
print(eps == 2.0 ** -52)
print(1e308 * 10, -1e308 * 10, 1e-320 > 0, 1e-400 == 0)
