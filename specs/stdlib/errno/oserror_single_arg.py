# feature: stdlib.errno.codes
# requires: errno
# With a single argument, CPython does not treat it as an errno code
import errno

e = OSError(errno.ENOENT)
print(e.args, e.errno)
print(str(e))
