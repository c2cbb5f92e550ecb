# feature: stdlib.math.rounding
# requires: math
# floor/ceil of inf raise OverflowError; of nan raise ValueError
import math

for name in ("floor", "ceil", "trunc"):
    f = getattr(math, name)
    for x in (math.inf, math.nan):
        try:
            print(name, x, f(x))
        except (OverflowError, ValueError) as e:
            print(name, x, type(e).__name__)
