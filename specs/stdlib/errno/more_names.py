# feature: stdlib.errno.codes
# requires: errno
# Less common errno names from CPython's full table
import errno

names = ("ENOTDIR", "ENOSPC", "EPIPE", "ERANGE", "EDOM", "ENOTEMPTY", "EISDIR", "ETIMEDOUT")
print([n for n in names if hasattr(errno, n)])
