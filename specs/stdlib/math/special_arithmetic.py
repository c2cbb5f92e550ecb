# feature: stdlib.math.special_values
# requires: math
# Arithmetic with infinities: inf*0 is nan, inf-inf is nan, inf+1 is inf
import math

inf = float("inf")
print(inf + 1 == inf, -inf * -1 == inf)
print(math.isnan(inf * 0), math.isnan(inf - inf))
print(1 / inf, -1 / inf)
print(inf > 1e30, min(inf, 5), max(-inf, -5))
