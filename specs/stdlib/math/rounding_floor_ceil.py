# feature: stdlib.math.rounding
# requires: math
# floor, ceil and trunc return ints and differ on negative numbers
import math

for x in (2.5, -2.5, 3.0, -0.5, 12345.5):
    print(x, math.floor(x), math.ceil(x), math.trunc(x))
print(isinstance(math.floor(1.5), int), isinstance(math.ceil(1.5), int))
print(math.floor(7), math.ceil(-7))
