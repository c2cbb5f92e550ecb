# feature: stdlib.array.array
# requires: array
# CPython's arrays also support 'in', '*' and list-like methods
from array import array

a = array("i", [1, 2, 3])
for label, fn in (("in", lambda: 2 in a), ("times", lambda: list(a * 2)), ("pop", lambda: a.pop()),
                  ("index", lambda: a.index(2)), ("typecode", lambda: a.typecode), ("tobytes", lambda: len(a.tobytes()))):
    try:
        print(label, fn())
    except (AttributeError, TypeError, NotImplementedError) as e:
        print(label, type(e).__name__)
