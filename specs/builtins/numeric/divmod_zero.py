# feature: builtins.numeric.abs_divmod
# divmod() by zero raises ZeroDivisionError for ints, floats and big ints;
# non-numbers give TypeError.
for a, b in ((1, 0), (1.5, 0), (3, 0.0), (2**70, 0), (0, 0)):
    try:
        print(divmod(a, b))
    except ZeroDivisionError:
        print("ZeroDivisionError", type(a), type(b))
try:
    divmod("7", 2)
except TypeError:
    print("TypeError")
