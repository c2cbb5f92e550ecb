# feature: stdlib.random.ranges
# requires: random
# Sequence helpers and wide getrandbits beyond the core set
import random

random.seed(15)
print([n for n in ("shuffle", "sample", "choices", "gauss") if hasattr(random, n)])
try:
    print(random.getrandbits(64) < 2**64)
except ValueError:
    print("ValueError")
