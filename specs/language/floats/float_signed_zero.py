# feature: language.floats.arithmetic
# Negative zero: prints with sign, compares equal to 0.0, and propagates through some operations.
z = -0.0
print(z, z == 0.0, str(0.0 * -1), repr(-0.0 + 0.0))
print(1 / float("inf") * -1, abs(z), -z)
print(repr(-0.0), 0.0 - 0.0, -0.0 - 0.0, -0.0 * 5)
import math
print(math.copysign(1, z), math.copysign(1, 0.0))
