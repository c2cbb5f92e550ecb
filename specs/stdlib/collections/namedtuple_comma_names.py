# feature: stdlib.collections.namedtuple
# requires: collections
# Field names separated by commas (with or without spaces)
from collections import namedtuple

for spec in ("x, y", "a,b"):
    T = namedtuple("T", spec)
    try:
        print(repr(spec), T(1, 2))
    except TypeError:
        print(repr(spec), "TypeError")
