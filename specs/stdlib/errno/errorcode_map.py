# feature: stdlib.errno.codes
# requires: errno
# errno.errorcode maps numbers back to names
import errno

print(type(errno.errorcode).__name__)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EEXIST])
print(all(errno.errorcode[getattr(errno, n)] == n for n in ("EINVAL", "EIO", "EACCES")))
print(99999 in errno.errorcode)
