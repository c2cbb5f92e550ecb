# feature: stdlib.math.functions
# requires: math
# Results too large for a float raise OverflowError
import math

for label, fn in (("exp(1000)", lambda: math.exp(1000)), ("pow(10, 400)", lambda: math.pow(10.0, 400))):
    try:
        print(label, fn())
    except OverflowError:
        print(label, "OverflowError")
    except ValueError:
        print(label, "ValueError")
