# feature: language.floats.special
# NaN is unequal to everything, including itself.
nan = float("nan")
print(nan, nan == nan, nan != nan, nan < 1, nan > 1, nan >= nan)
x = nan
print(x is nan, x == nan, [nan] == [nan], nan in [nan])
print(nan + 1 != nan + 1, float("-nan") != float("-nan"), str(float("NaN")))
import math
print(math.isnan(nan), math.isnan(0 * float("inf")), math.isinf(nan))
