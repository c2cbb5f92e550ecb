# feature: language.operators.bitwise
# Relative precedence: shifts above &, & above ^, ^ above |, all above comparisons.
print(1 | 2 ^ 3 & 4, 1 | (2 ^ (3 & 4)))
print(1 + 2 << 3, (1 + 2) << 3)
print(6 & 3 == 2, (6 & 3) == 2)
print(8 >> 1 & 3, (8 >> 1) & 3)
print(~0 + 1, -~5, ~-5)
