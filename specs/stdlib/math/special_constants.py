# feature: stdlib.math.special_values
# requires: math
# pi, e and tau to the precision every float format holds
import math

print(round(math.pi, 5), round(math.e, 5), round(math.tau, 5))
print(math.tau == 2 * math.pi)
print(3.14159 < math.pi < 3.1416, 2.71828 < math.e < 2.71829)
