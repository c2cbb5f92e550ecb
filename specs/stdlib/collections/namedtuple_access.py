# feature: stdlib.collections.namedtuple
# requires: collections
# Fields are reachable by name and by index; instances are tuples
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p.x, p.y, p[0], p[1], p[-1])
print(len(p), tuple(p))
a, b = p
print(a + b)
print(p == (3, 4), isinstance(p, tuple))
print(p[:1])
