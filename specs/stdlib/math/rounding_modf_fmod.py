# feature: stdlib.math.rounding
# requires: math
# modf splits fractional and integer parts; fmod keeps the dividend's sign
import math

print(math.modf(2.5), math.modf(-2.5), math.modf(3.0))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3))
print(-7 % 3, math.fmod(-7.5, 2))
print(math.fabs(-3), math.fabs(-0.0), isinstance(math.fabs(2), float))
try:
    math.fmod(1, 0)
except ValueError:
    print("ValueError")
