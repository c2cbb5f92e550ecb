# feature: stdlib.collections.deque
# requires: collections
# pop/popleft on an empty deque raise IndexError
from collections import deque

d = deque((), 2)
for name in ("pop", "popleft"):
    try:
        getattr(d, name)()
        print(name, "ok")
    except IndexError:
        print(name, "IndexError")
d.append(7)
print(d.pop(), bool(d), len(d))
