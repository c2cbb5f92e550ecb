# feature: stdlib.errno.codes
# requires: errno
# OSError(code, text) exposes the code as .errno and in args
import errno

e = OSError(errno.ENOENT, "gone")
print(e.errno == errno.ENOENT, e.args)
try:
    raise OSError(errno.EEXIST, "there")
except OSError as caught:
    print(caught.errno, caught.args[0] == errno.EEXIST)
print(OSError().errno)
