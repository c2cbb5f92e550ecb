# feature: builtins.numeric.abs_divmod
# abs() of objects without an absolute value raises TypeError.
for bad in ("-1", None, [1], object()):
    try:
        abs(bad)
        print("no error for", type(bad))
    except TypeError:
        print("TypeError", type(bad))
