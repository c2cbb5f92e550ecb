# feature: stdlib.math.special_values
# requires: math
# frexp splits a float into mantissa and exponent; ldexp joins them back
import math

for x in (8.0, -3.0, 0.5, 1.0, 0.0):
    m, e = math.frexp(x)
    print(x, m, e, math.ldexp(m, e) == x)
print(math.ldexp(0.5, 4), math.ldexp(3, -1))
