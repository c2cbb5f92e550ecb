# feature: stdlib.errno.codes
# requires: errno
# The common errno constants have their POSIX/Linux numbers
import errno

for name in ("EPERM", "ENOENT", "EIO", "EBADF", "EAGAIN", "ENOMEM", "EACCES", "EEXIST", "EINVAL"):
    print(name, getattr(errno, name))
