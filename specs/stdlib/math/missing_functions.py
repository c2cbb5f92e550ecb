# feature: stdlib.math.functions
# requires: math
# Newer CPython math helpers (integer and multi-argument functions)
import math

names = ("hypot", "gcd", "isqrt", "comb", "perm", "prod", "dist", "log1p", "lcm")
print([n for n in names if hasattr(math, n)])
