# feature: language.operators.comparison
# Equality across numeric types and ordering between unrelated types.
print(1 == 1.0, 0 == False, 1 == True, -0.0 == 0)
print(1 == "1", None == 0, [] == (), [1] == [1])
for a, b in ((1, "a"), ("a", None), ([1], (1,)), (None, None)):
    try:
        print(a < b)
    except TypeError:
        print("TypeError")
print(1 != 1.0, "a" != "a ")
