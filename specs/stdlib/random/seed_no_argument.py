# feature: stdlib.random.seed
# requires: random
# seed() with no argument is accepted and the generator keeps working
import random

print(random.seed() is None)
print(random.seed(123) is None)
v = random.random()
print(isinstance(v, float), 0.0 <= v < 1.0)
