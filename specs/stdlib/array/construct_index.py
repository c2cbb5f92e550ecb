# feature: stdlib.array.array
# requires: array
# Creating arrays of several typecodes, indexing, slicing and item assignment
from array import array

a = array("i", [10, 20, 30])
print(a, len(a), a[0], a[-1])
a[1] = -5
print(list(a), a[1:])
print(array("f"), array("B", b"abc"), array("b", [-128, 127]), array("H", [65535]))
print(array("q", [2**40]), array("d", [0.5, -2.0]))
print([x * 2 for x in array("h", range(4))])
