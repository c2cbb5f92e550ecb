# feature: stdlib.math.functions
# requires: math
# sqrt, pow, exp and logarithms on exact cases
import math

print(math.sqrt(16), math.sqrt(0.25), math.sqrt(2) ** 2 - 2 < 1e-12)
print(math.pow(2, 10), math.pow(2, -1), math.pow(0, 0))
print(math.exp(0), math.log(1), math.log(math.e) == 1.0)
print(math.log(8, 2), math.log2(1024), math.log10(1000))
print(isinstance(math.sqrt(4), float), isinstance(math.pow(2, 2), float))
