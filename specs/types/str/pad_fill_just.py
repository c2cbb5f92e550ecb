# feature: types.str.join_strip
# center() with a fill character, ljust(), rjust() and zfill().
print("ab".center(7, "*"), "ab".ljust(5, "."), "ab".rjust(5, "."), "[" + "ab".ljust(4) + "]")
print("42".zfill(5), "-42".zfill(6), "+7".zfill(3), "abc".zfill(2))
