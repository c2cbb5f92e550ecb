# feature: stdlib.sys.attributes
# requires: sys, array
# sys.byteorder is 'little' or 'big' and matches the memory layout of an int array
import array
import sys

print(sys.byteorder in ("little", "big"))
first = bytes(array.array("H", [1]))[0]
print((first == 1) == (sys.byteorder == "little"))
