# feature: stdlib.collections.deque
# requires: collections
# Adding and removing at both ends (maxlen given, as MicroPython requires)
from collections import deque

d = deque((), 10)
d.append(1)
d.append(2)
d.appendleft(0)
print(len(d), list(d))
print(d.pop(), d.popleft(), list(d))
d.extend([5, 6])
print(list(d), d.popleft(), d.pop())
