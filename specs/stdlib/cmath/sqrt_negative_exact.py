# feature: stdlib.cmath.functions
# requires: cmath
# sqrt of a negative real has an exactly zero real part
import cmath

for x in (-1, -4, -0.25):
    r = cmath.sqrt(x)
    print(x, r.real == 0.0, r.imag)
