# feature: stdlib.random.ranges
# requires: random
# randrange with start, stop and step (positive and negative)
import random

random.seed(12)
print(sorted(set(random.randrange(0, 10, 3) for _ in range(400))))
print(sorted(set(random.randrange(10, 0, -4) for _ in range(400))))
print(sorted(set(random.randrange(-5, 5, 5) for _ in range(400))))
