# feature: stdlib.random.ranges
# requires: random
# choice picks a member; getrandbits(k) is below 2**k
import random

random.seed(13)
print(sorted(set(random.choice("xyz") for _ in range(200))))
print(random.choice([None]) is None)
print(all(random.getrandbits(8) < 256 for _ in range(200)))
print(max(random.getrandbits(3) for _ in range(200)))
print(all(0 <= random.getrandbits(32) < 2**32 for _ in range(50)))
