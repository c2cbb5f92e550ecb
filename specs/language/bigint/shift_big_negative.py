# feature: language.bigint.shifts
# Right shift of negative big ints floors; left shift multiplies.
n = -(2 ** 80) - 1
print(n >> 1, n >> 80, n >> 81, n >> 500)
print(n << 3 == n * 8, (-1 << 100) >> 100)
print(-(2 ** 64) >> 64, (-(2 ** 64) + 1) >> 64)
