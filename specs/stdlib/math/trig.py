# feature: stdlib.math.functions
# requires: math
# Trigonometric and hyperbolic functions at exact points
import math

print(math.sin(0), math.cos(0), math.tan(0))
print(round(math.sin(math.pi / 6), 9), round(math.cos(math.pi / 3), 9))
print(math.atan2(1, 1) == math.pi / 4, math.asin(1) == math.pi / 2)
print(math.atan2(0, -1) == math.pi, math.atan(float("inf")) == math.pi / 2)
print(math.degrees(math.pi), math.radians(180) == math.pi)
print(math.sinh(0), math.cosh(0), math.tanh(0), math.acosh(1))
