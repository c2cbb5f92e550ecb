# feature: builtins.numeric.pow
# pow() with floats; a negative base to a fractional power gives a complex.
print(pow(4, 0.5), pow(2.0, 3), pow(2, 3.0))
print(pow(-2.0, 2), pow(-2.0, 3))
print(pow(9, -0.5) == 1 / 3)
c = pow(-8, 1 / 3)
print(type(c), round(c.real, 6), round(c.imag, 6))
print(pow(1.0, float("inf")), pow(2.0, float("-inf")))
