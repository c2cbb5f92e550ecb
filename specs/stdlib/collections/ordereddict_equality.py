# feature: stdlib.collections.ordereddict
# requires: collections
# Two OrderedDicts compare order-sensitively; against a dict, order is ignored
from collections import OrderedDict

a = OrderedDict([("x", 1), ("y", 2)])
b = OrderedDict([("y", 2), ("x", 1)])
print(a == OrderedDict([("x", 1), ("y", 2)]))
print(a == b)
print(a == {"y": 2, "x": 1}, {"x": 1, "y": 2} == a)
print(dict(a) == dict(b))
