# feature: stdlib.random.ranges
# requires: random
# Empty ranges and empty sequences are errors
import random

random.seed(14)
for label, fn in (
    ("randint(3, 1)", lambda: random.randint(3, 1)),
    ("randrange(0)", lambda: random.randrange(0)),
    ("randrange(5, 5)", lambda: random.randrange(5, 5)),
    ("choice([])", lambda: random.choice([])),
):
    try:
        print(label, fn())
    except ValueError:
        print(label, "ValueError")
    except IndexError:
        print(label, "IndexError")
