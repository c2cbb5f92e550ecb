# feature: language.bigint.shifts
# Left and right shifts on and into big ints.
print(1 << 100, (1 << 100) >> 99, 1 << 64 == 2 ** 64)
x = 0xDEADBEEF << 80
print(hex(x), x >> 80 == 0xDEADBEEF, x >> 200)
print(3 << 62, (3 << 62) >> 61)
print((2 ** 90 + 2 ** 10) >> 10, (1 << 1000) >> 998)
