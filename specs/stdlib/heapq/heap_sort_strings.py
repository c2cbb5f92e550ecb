# feature: stdlib.heapq.heap
# requires: heapq
# Any mutually comparable items work, for example strings
import heapq

words = ["pear", "apple", "fig", "banana", "cherry"]
heapq.heapify(words)
print(words[0])
heapq.heappush(words, "aardvark")
print([heapq.heappop(words) for _ in range(3)], len(words))
