# feature: stdlib.sys.attributes
# requires: sys
# sys.maxsize is an int of the form 2**n - 1 with n at least 31
import sys

m = sys.maxsize
print(type(m).__name__, m >= 2**31 - 1)
print(((m + 1) & m) == 0)
print(m + 1 > m, (m + 1) - 1 == m)
print(-m - 1 < 0, (m * 2) // 2 == m)
