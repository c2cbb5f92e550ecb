# feature: stdlib.math.special_values
# requires: math
# Arithmetic with infinities: inf*0 is nan, inf-inf is nan, inf+1 is inf
import math

print(math.inf + 1 == math.inf, -math.inf * -1 == math.inf)
print(math.isnan(math.inf * 0), math.isnan(math.inf - math.inf))
print(1 / math.inf, -1 / math.inf)
print(math.inf > 1e308, min(math.inf, 5), max(-math.inf, -5))
