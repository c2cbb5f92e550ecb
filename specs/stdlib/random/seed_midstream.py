# feature: stdlib.random.seed
# requires: random
# Seeding mid-stream restarts the sequence from the seed's first value
import random

random.seed(99)
x0 = random.random()
random.random()
random.random()
random.seed(99)
print(random.random() == x0)
print(random.random() != x0)
