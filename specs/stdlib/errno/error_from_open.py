# feature: stdlib.errno.codes
# requires: errno
# Opening a missing file reports ENOENT
import errno

try:
    open("errno_spec_missing.none")
except OSError as e:
    print(e.errno == errno.ENOENT, e.args[0] == errno.ENOENT, errno.errorcode[e.errno])
