# feature: stdlib.collections.deque
# requires: collections
# A full bounded deque discards from the opposite end
from collections import deque

d = deque((), 3)
for i in range(5):
    d.append(i)
print(list(d))
d.appendleft(-1)
print(list(d))
print(list(deque([1, 2, 3, 4], 2)))
print(list(deque("abc", 0)))
