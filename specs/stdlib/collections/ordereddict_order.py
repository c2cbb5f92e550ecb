# feature: stdlib.collections.ordereddict
# requires: collections
# Iteration follows insertion order, whatever the keys
from collections import OrderedDict

o = OrderedDict()
for i, c in enumerate("zyxwvutsrq"):
    o[c] = i
print("".join(o))
print(list(o.values()))
o2 = OrderedDict([("b", 1), ("a", 2), ("c", 3)])
print(list(o2.items()))
o2.update([("0", 0)])
o2.setdefault("m", 9)
print(list(o2.keys()))
