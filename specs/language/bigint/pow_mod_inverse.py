# feature: language.bigint.pow_mod
# A negative exponent with a modulus computes the modular inverse (Python 3.8+).
for b, m in ((3, 7), (10, 17), (2 ** 70 + 1, 10 ** 9 + 7)):
    try:
        inv = pow(b, -1, m)
        print(inv, inv * b % m)
    except ValueError:
        print("ValueError")
try:
    print(pow(2, -1, 4))
except ValueError:
    print("ValueError")
