# feature: stdlib.math.special_values
# requires: math
# math.inf and math.nan and the predicates isinf, isnan, isfinite
import math

print(math.inf == float("inf"), -math.inf < -1e30)
print(math.nan == math.nan, math.nan != math.nan)
print(math.isinf(math.inf), math.isinf(-math.inf), math.isinf(math.nan))
print(math.isnan(math.nan), math.isnan(math.inf - math.inf), math.isnan(1.0))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isfinite(math.nan))
print(str(math.inf), str(-math.inf), str(math.nan))
