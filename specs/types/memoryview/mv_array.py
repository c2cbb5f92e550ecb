# feature: types.memoryview.basic
# requires: array
# A memoryview over an array uses the array's item type, for reads and writes.
import array
a = array.array("h", [1, -2, 300])
m = memoryview(a)
print(len(m), m[1], m[2], m[0:2][1])
m[0] = -7
print(list(a))
