# feature: stdlib.heapq.heap
# requires: heapq
# heapify rearranges a list in place so every parent <= its children
import heapq

data = [31, 4, 15, 9, 26, 5, 3, 58, 97, 0]
print(heapq.heapify(data))
n = len(data)
ok = all(data[i] <= data[c] for i in range(n) for c in (2 * i + 1, 2 * i + 2) if c < n)
print(ok, data[0], sorted(data) == [0, 3, 4, 5, 9, 15, 26, 31, 58, 97])
