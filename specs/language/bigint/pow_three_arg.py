# feature: language.bigint.pow_mod
# pow(base, exp, mod) computes modular exponentiation exactly.
print(pow(2, 10, 1000), pow(3, 200, 1000007), pow(7, 0, 13), pow(5, 3, 1))
print(pow(2, 10 ** 6, 10 ** 9 + 7))
m = 2 ** 127 - 1
print(pow(3, m - 1, m))
print(pow(12345678901234567890, 65537, 10 ** 20 + 39))
