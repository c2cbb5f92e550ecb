# feature: language.operators.bitwise
# Bitwise ops on negative ints behave like infinite two's complement.
for n in (0, 1, -1, 5, -6):
    print(n, ~n, -n - 1 == ~n)
print(-1 & 0xFF, -256 & 0xFF, -1 | 0, -8 ^ 3)
print(-1 >> 5, -16 >> 2, -17 >> 2, -1 << 4)
print(-5 & -3, -5 | -3, -5 ^ -3)
