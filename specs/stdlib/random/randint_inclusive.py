# feature: stdlib.random.ranges
# requires: random
# randint(a, b) includes both ends; randrange(n) excludes n
import random

random.seed(11)
print(sorted(set(random.randint(1, 4) for _ in range(400))))
print(sorted(set(random.randint(-2, 0) for _ in range(400))))
print(sorted(set(random.randrange(3) for _ in range(400))))
print(random.randint(7, 7), random.randrange(5, 6))
print(isinstance(random.randint(0, 9), int))
