# feature: stdlib.cmath.functions
# requires: cmath
# log(0) is a domain error; log takes an optional base
import cmath

try:
    print(cmath.log(0))
except ValueError:
    print("ValueError")
try:
    print(cmath.log(8, 2))
except TypeError:
    print("TypeError")
