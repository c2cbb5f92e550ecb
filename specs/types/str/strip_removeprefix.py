# feature: types.str.join_strip
# removeprefix()/removesuffix() (Python 3.9) strip one exact affix.
print("test_case".removeprefix("test_"), "test_case".removeprefix("case"))
print("data.csv".removesuffix(".csv"), "data.csv".removesuffix(".txt"))
print("aaa".removeprefix("a"), repr("".removesuffix("x")))
