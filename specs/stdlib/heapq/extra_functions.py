# feature: stdlib.heapq.heap
# requires: heapq
# The higher-level heapq helpers
import heapq

names = ("heappushpop", "heapreplace", "nsmallest", "nlargest", "merge")
print([n for n in names if hasattr(heapq, n)])
