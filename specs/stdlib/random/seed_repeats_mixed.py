# feature: stdlib.random.seed
# requires: random
# The replay covers every function drawing from the generator
import random


def draw():
    return (random.randint(0, 1000), random.randrange(0, 50, 5),
            random.choice("abcdefgh"), random.getrandbits(16), random.uniform(-1, 1))


random.seed(7)
a = [draw() for _ in range(4)]
random.seed(7)
b = [draw() for _ in range(4)]
print(a == b)
