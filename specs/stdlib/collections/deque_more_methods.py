# feature: stdlib.collections.deque
# requires: collections
# Which of CPython's other deque methods exist
from collections import deque

d = deque([1, 2, 3], 5)
names = ("clear", "rotate", "extendleft", "count", "index", "remove", "insert", "copy", "maxlen")
print([n for n in names if hasattr(d, n)])
