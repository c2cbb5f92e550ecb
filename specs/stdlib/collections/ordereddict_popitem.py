# feature: stdlib.collections.ordereddict
# requires: collections
# popitem() removes the most recently inserted item; empty raises KeyError
from collections import OrderedDict

o = OrderedDict([("first", 1), ("second", 2), ("third", 3)])
print(o.popitem())
print(o.popitem())
print(list(o))
o.popitem()
try:
    o.popitem()
except KeyError:
    print("KeyError")
