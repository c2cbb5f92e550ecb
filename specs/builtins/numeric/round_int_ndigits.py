# feature: builtins.numeric.round
# round(int, n) returns an int; negative n rounds to tens/hundreds, halves to even.
for x, n in ((1234, -2), (1250, -2), (1350, -2), (-1250, -2), (15, -1), (25, -1), (7, 2), (2**70 + 5, -1)):
    r = round(x, n)
    print(x, n, r, type(r))
