# feature: stdlib.cmath.functions
# requires: cmath
# cmath.sqrt always returns complex; square roots of negatives are imaginary
import cmath

for x in (4, -4, -1, 1j, 3 + 4j):
    r = cmath.sqrt(x)
    print(x, type(r).__name__, abs(r * r - x) < 1e-12)
print(cmath.sqrt(4), cmath.sqrt(3 + 4j))
