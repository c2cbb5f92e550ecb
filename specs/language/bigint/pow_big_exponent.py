# feature: language.bigint.pow_mod
# Two-argument ** with big results, and agreement with repeated multiplication.
p = 3 ** 100
q = 1
for _ in range(100):
    q *= 3
print(p == q, p % 10 ** 10, len(str(p)))
print((-2) ** 101 == -(2 ** 101), (10 ** 20) ** 2 == 10 ** 40)
print(2 ** 0.5 < 2, 1 ** (10 ** 20), (-1) ** (10 ** 20 + 1))
