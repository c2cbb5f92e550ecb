# feature: builtins.numeric.pow
# Three-argument pow() computes (base ** exp) % mod without the big power.
print(pow(3, 200, 7), (3 ** 200) % 7)
print(pow(-2, 3, 5), (-2) ** 3 % 5)
print(pow(5, 0, 1), pow(5, 0, 7))
print(pow(2, 10, 1000))
m = 2**61 - 1
print(pow(3, m - 1, m))
print(pow(7, 13, -5), (7 ** 13) % -5)
