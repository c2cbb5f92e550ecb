# feature: language.bigint.arithmetic
# Results crossing the small-int / big-int boundary stay exact in both directions.
for k in (30, 31, 32, 62, 63, 64):
    n = 2 ** k
    print(k, n - 1, -n, (n - 1) + 1 == n, (n * 3) // 3 == n, n - n)
x = 2 ** 200
print((x + 5) - x, x // x, (x * 7) % x)
print(0x7FFFFFFF + 1, 0x7FFFFFFFFFFFFFFF + 1, -0x8000000000000000 - 1)
