# feature: stdlib.array.array
# requires: array
# append, extend (from iterables or arrays), + and +=
from array import array

a = array("b")
a.append(5)
a.extend([6, 7])
a.extend(array("b", [8]))
print(a)
b = a + array("b", [9])
a += array("b", [-1])
print(b, a, len(a))
