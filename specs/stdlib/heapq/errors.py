# feature: stdlib.heapq.heap
# requires: heapq
# Popping an empty heap is IndexError; heapify needs a list
import heapq

try:
    heapq.heappop([])
except IndexError:
    print("IndexError")
try:
    heapq.heapify((3, 1))
except TypeError:
    print("TypeError")
