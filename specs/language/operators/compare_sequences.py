# feature: language.operators.comparison
# Lexicographic comparison of lists, tuples and strings.
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9, 9])
print((1, "b") < (1, "c"), () < (0,), (1, 2) == (1, 2))
print("abc" < "abd", "ab" < "abc", "B" < "a", "" < "a")
print(b"ab" < b"b", [[1]] < [[1, 0]])
print(max([3, 1], [2, 9]), min("zz", "zy"))
