# feature: stdlib.math.rounding
# requires: math
# floor/ceil of inf raise OverflowError; of nan raise ValueError
import math

for name in ("floor", "ceil", "trunc"):
    f = getattr(math, name)
    for x in (float("inf"), float("nan")):
        try:
            print(name, x, f(x))
        except OverflowError:
            print(name, x, "OverflowError")
        except ValueError:
            print(name, x, "ValueError")
