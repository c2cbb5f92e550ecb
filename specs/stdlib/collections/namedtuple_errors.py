# feature: stdlib.collections.namedtuple
# requires: collections
# Instances are immutable and need exactly the declared fields
from collections import namedtuple

P = namedtuple("P", ["x", "y"])
p = P(1, 2)
for label, fn in (
    ("set attr", lambda: setattr(p, "x", 5)),
    ("set item", lambda: p.__setitem__(0, 5)),
    ("too few", lambda: P(1)),
    ("too many", lambda: P(1, 2, 3)),
):
    try:
        fn()
        print(label, "ok")
    except AttributeError:
        print(label, "AttributeError")
    except TypeError:
        print(label, "TypeError")
print(p)
