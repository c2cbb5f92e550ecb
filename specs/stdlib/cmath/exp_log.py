# feature: stdlib.cmath.functions
# requires: cmath, math
# exp and log of complex numbers; Euler's identity
import cmath
import math

print(cmath.exp(0), cmath.log(1))
print(abs(cmath.exp(1j * math.pi) + 1) < 1e-12)
print(cmath.log(-1) == complex(0, math.pi))
print(cmath.log10(100))
z = 2 + 3j
print(abs(cmath.exp(cmath.log(z)) - z) < 1e-12)
