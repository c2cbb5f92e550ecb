# feature: language.operators.precedence
# Arithmetic and bitwise bind tighter than comparisons, which bind tighter than not.
print(1 + 1 == 2, 3 * 2 > 5 == True)
print(not 2 + 2 == 5, 2 | 1 == 3, 5 & 4 < 5)
print(1 in [1] == [1], "a" + "b" in "xab")
print(2 < 3 and 3 < 2 or 1 < 2)
print(-1 < -0 <= 0, -2 ** 2 < 0)
