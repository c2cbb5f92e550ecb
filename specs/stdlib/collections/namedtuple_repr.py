# feature: stdlib.collections.namedtuple
# requires: collections
# repr shows the type name and field=value pairs
from collections import namedtuple

Pair = namedtuple("Pair", ["key", "value"])
print(Pair("a", None))
print(repr(Pair(1, [2])))
print(isinstance(Pair(1, 2), Pair), isinstance(Pair(1, 2), tuple))
print(str(Pair(0, 0.5)))
