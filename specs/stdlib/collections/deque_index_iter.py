# feature: stdlib.collections.deque
# requires: collections
# Indexing, item assignment, iteration, membership and truth value
from collections import deque

d = deque([10, 20, 30], 5)
print(d[0], d[-1], d[1])
d[1] = 25
print([x for x in d], 25 in d, 20 in d)
print(list(reversed(d)))
print(bool(d), bool(deque((), 5)))
try:
    d[3]
except IndexError:
    print("IndexError")
