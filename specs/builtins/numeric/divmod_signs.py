# feature: builtins.numeric.abs_divmod
# divmod() of ints floors the quotient; the remainder takes the divisor's sign.
for a in (7, -7, 0, 13):
    for b in (2, -2, 5):
        q, r = divmod(a, b)
        print(a, b, q, r, q * b + r == a, a // b == q, a % b == r)
big = 10**20 + 3
print(divmod(big, 10), divmod(-big, 10**10))
