# feature: stdlib.random.seed
# requires: random
# Re-seeding with the same value replays the same random() sequence
import random

random.seed(42)
first = [random.random() for _ in range(5)]
random.seed(42)
second = [random.random() for _ in range(5)]
print(first == second)
print(len(set(first)) == 5)
