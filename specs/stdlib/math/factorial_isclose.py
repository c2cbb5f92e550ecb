# feature: stdlib.math.functions
# requires: math
# factorial of small ints and isclose with relative and absolute tolerance
import math

print([math.factorial(n) for n in range(7)])
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3)
print(math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9))
