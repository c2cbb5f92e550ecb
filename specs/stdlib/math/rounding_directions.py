# feature: stdlib.math.rounding
# requires: math
# trunc moves toward zero, floor down, ceil up; they agree on integral floats
import math

vals = (-1.75, -1.0, -0.25, 0.25, 1.0, 1.75)
print([math.trunc(v) for v in vals])
print([math.floor(v) for v in vals])
print([math.ceil(v) for v in vals])
print(all(math.floor(v) <= v <= math.ceil(v) for v in vals))
