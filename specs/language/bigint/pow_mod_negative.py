# feature: language.bigint.pow_mod
# Negative base or modulus follows the sign rules of %.
print(pow(-2, 3, 5), (-2) ** 3 % 5)
print(pow(2, 3, -5), 2 ** 3 % -5)
print(pow(-3, 5, -7), (-3) ** 5 % -7)
print(pow(-(10 ** 20), 3, 97) == (-(10 ** 20)) ** 3 % 97)
