# feature: language.floats.special
# Converting inf or nan to int raises OverflowError / ValueError.
for v in (float("inf"), float("-inf"), float("nan")):
    try:
        print(int(v))
    except OverflowError:
        print("OverflowError")
    except ValueError:
        print("ValueError")
for f in (round, lambda v: v // 1):
    try:
        print(f(float("inf")))
    except OverflowError:
        print("OverflowError")
