# feature: stdlib.sys.attributes
# requires: sys, array
# sys.maxsize is 2**n - 1 (n >= 31); sys.byteorder matches how an int array is stored
import array
import sys

m = sys.maxsize
print(isinstance(m, int), m >= 2**31 - 1, ((m + 1) & m) == 0)
print(m + 1 > m, -m - 1 < 0, (m * 2) // 2 == m)
print(sys.byteorder in ("little", "big"))
first = bytes(array.array("H", [1]))[0]
print((first == 1) == (sys.byteorder == "little"))
