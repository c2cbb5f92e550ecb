# feature: stdlib.cmath.functions
# requires: cmath, math
# polar, rect and phase convert between rectangular and polar forms
import cmath
import math

print(cmath.polar(3 + 4j)[0], cmath.polar(-2))
print(cmath.phase(1), cmath.phase(-1) == math.pi, cmath.phase(1j) == math.pi / 2)
print(cmath.rect(2, 0), cmath.rect(0, 1))
z = cmath.rect(1, math.pi)
print(abs(z.real + 1) < 1e-12, abs(z.imag) < 1e-12)
r, phi = cmath.polar(1 + 1j)
print(abs(cmath.rect(r, phi) - (1 + 1j)) < 1e-12)
