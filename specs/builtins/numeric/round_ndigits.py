# feature: builtins.numeric.round
# round(x, n) on floats keeps the float type; n may be zero or negative.
for x, n in ((3.14159, 2), (3.14159, 0), (-3.14159, 3), (1234.5, -2), (0.0, 1), (1.5, 0), (2.5, 0)):
    r = round(x, n)
    print(x, n, r, type(r))
print(round(5.0, -1), round(15.0, -1), round(25.0, -1))
