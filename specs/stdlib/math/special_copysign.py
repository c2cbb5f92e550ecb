# feature: stdlib.math.special_values
# requires: math
# copysign transfers the sign, including the sign of -0.0
import math

print(math.copysign(3, -1), math.copysign(-3, 2))
print(math.copysign(1, -0.0), math.copysign(1, 0.0))
print(math.copysign(float("inf"), -1))
print(math.copysign(0.0, -5))
