# feature: language.floats.conversion
# round(x, n) rounds to n decimal places using the binary value; negative n rounds to tens.
print(round(3.14159, 2), round(3.14159, 0), round(-3.14159, 3))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5, -1), round(1250, -2), round(1350, -2), round(-1550, -2))
print(round(5, 2), type(round(5, 2)), round(1e300, 2) == 1e300)
