# feature: stdlib.collections.namedtuple
# requires: collections
# Field names from a space-separated string or a list; keyword construction
from collections import namedtuple

A = namedtuple("A", "first second third")
B = namedtuple("B", ["left", "right"])
print(A(1, 2, 3).third)
print(B(right="r", left="l").left)
print(A(1, third=3, second=2) == (1, 2, 3))
print(B("a", "b") == B("a", "b"), B("a", "b") == B("b", "a"))
