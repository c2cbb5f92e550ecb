# feature: stdlib.collections.ordereddict
# requires: collections
# OrderedDict.fromkeys keeps the order of the given keys
from collections import OrderedDict

o = OrderedDict.fromkeys("cabfed", 0)
print(isinstance(o, OrderedDict), "".join(o))
