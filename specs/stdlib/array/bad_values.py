# feature: stdlib.array.array
# requires: array
# Unknown typecodes, wrong element types and bad indexes are rejected
from array import array

for label, fn in (
    ("typecode z", lambda: array("z")),
    ("float in i", lambda: array("i", [1.5])),
    ("index 5", lambda: array("i", [1, 2])[5]),
):
    try:
        print(label, fn())
    except ValueError:
        print(label, "ValueError")
    except TypeError:
        print(label, "TypeError")
    except IndexError:
        print(label, "IndexError")
