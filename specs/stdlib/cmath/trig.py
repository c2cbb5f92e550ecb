# feature: stdlib.cmath.functions
# requires: cmath, math
# cmath.sin and cmath.cos agree with the hyperbolic identities
import cmath
import math

print(cmath.sin(0), cmath.cos(0))
print(abs(cmath.sin(1j) - 1j * math.sinh(1)) < 1e-12)
print(abs(cmath.cos(1j) - math.cosh(1)) < 1e-12)
z = 0.5 + 0.25j
print(abs(cmath.sin(z) ** 2 + cmath.cos(z) ** 2 - 1) < 1e-12)
print(cmath.pi == math.pi, cmath.e == math.e)
