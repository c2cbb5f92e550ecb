# feature: stdlib.collections.ordereddict
# requires: collections
# Assigning an existing key keeps its place; delete then insert moves it last
from collections import OrderedDict

o = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
o["a"] = 10
print(list(o.items()))
del o["a"]
o["a"] = 11
print(list(o.items()))
print(o.pop("b"), list(o))
