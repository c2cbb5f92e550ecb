# feature: stdlib.heapq.heap
# requires: heapq
# Tuples order by their first field, so a heap works as a priority queue
import heapq

q = []
for prio, task in ((3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")):
    heapq.heappush(q, (prio, task))
while q:
    print(heapq.heappop(q))
