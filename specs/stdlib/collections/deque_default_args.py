# feature: stdlib.collections.deque
# requires: collections
# CPython's deque() takes both arguments as optional
from collections import deque

for args in ((), ([1, 2],)):
    try:
        print(len(args), list(deque(*args)))
    except TypeError:
        print(len(args), "TypeError")
