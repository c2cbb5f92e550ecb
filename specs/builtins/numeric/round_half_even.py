# feature: builtins.numeric.round
# round(x) with no digits rounds halves to even and returns an int.
for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 2.4999, 2.5001):
    r = round(x)
    print(x, r, type(r))
print(round(7), type(round(7)))
