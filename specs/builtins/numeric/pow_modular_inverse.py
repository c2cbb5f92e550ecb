# feature: builtins.numeric.pow
# pow(base, -1, mod) is the modular inverse (CPython 3.8+); no inverse -> ValueError.
for base, mod in ((3, 7), (10, 17), (38, 97)):
    inv = pow(base, -1, mod)
    print(base, mod, inv, base * inv % mod)
print(pow(3, -2, 7))
try:
    pow(2, -1, 4)
    print("no error")
except ValueError:
    print("ValueError")
