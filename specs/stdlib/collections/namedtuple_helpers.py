# feature: stdlib.collections.namedtuple
# requires: collections
# The underscore helpers: _fields, _make, _replace, _asdict
from collections import namedtuple

P = namedtuple("P", ["x", "y"])
p = P(1, 2)
for name in ("_fields", "_make", "_replace", "_asdict"):
    print(name, hasattr(P, name))
if hasattr(P, "_replace"):
    print(P._fields, P._make([5, 6]), p._replace(y=9), sorted(p._asdict().items()))
