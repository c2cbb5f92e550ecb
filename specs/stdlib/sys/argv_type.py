# feature: stdlib.sys.attributes
# requires: sys
# sys.argv is a list of str
import sys

print(isinstance(sys.argv, list))
print(all(isinstance(a, str) for a in sys.argv))
sys.argv.append("extra")
print(sys.argv[-1])
