# feature: stdlib.random.ranges
# requires: random
# random() is a float in [0, 1); uniform(a, b) stays within [a, b]
import random

random.seed(3)
xs = [random.random() for _ in range(300)]
print(all(0.0 <= x < 1.0 for x in xs), isinstance(xs[0], float))
print(min(xs) < 0.1, max(xs) > 0.9)
us = [random.uniform(-2, 5) for _ in range(300)]
print(all(-2 <= u <= 5 for u in us), isinstance(random.uniform(1, 2), float))
