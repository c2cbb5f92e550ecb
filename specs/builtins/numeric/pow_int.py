# feature: builtins.numeric.pow
# Two-argument pow() on ints: exact big results, negative bases, negative
# exponents give floats, and 0**0 is 1.
print(pow(2, 10), pow(-2, 3), pow(-2, 4))
print(pow(2, 100))
print(pow(0, 0), pow(7, 0), pow(0, 5))
r = pow(2, -2)
print(r, type(r))
print(pow(10, -1) == 0.1)
print(pow(-1, 2**40 + 1))
