# feature: stdlib.heapq.heap
# requires: heapq
# heappush then repeated heappop yields items in ascending order
import heapq

h = []
for x in (5, 1, 4, 1, -3, 9, 2):
    heapq.heappush(h, x)
print(h[0], len(h))
print([heapq.heappop(h) for _ in range(len(h))])
print(h)
