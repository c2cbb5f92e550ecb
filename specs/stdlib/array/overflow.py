# feature: stdlib.array.array
# requires: array
# A value that does not fit the typecode raises OverflowError
from array import array

for code, value in (("b", 200), ("B", -1), ("B", 256), ("h", 40000)):
    try:
        print(code, value, array(code, [value]))
    except OverflowError:
        print(code, value, "OverflowError")
