# feature: stdlib.math.functions
# requires: math
# Arguments outside a function's domain raise ValueError
import math

cases = (
    ("sqrt(-1)", lambda: math.sqrt(-1)),
    ("log(0)", lambda: math.log(0)),
    ("log(-1)", lambda: math.log(-1)),
    ("acos(2)", lambda: math.acos(2)),
    ("pow(-8, 0.5)", lambda: math.pow(-8, 0.5)),
    ("factorial(-1)", lambda: math.factorial(-1)),
)
for label, fn in cases:
    try:
        print(label, fn())
    except ValueError:
        print(label, "ValueError")
