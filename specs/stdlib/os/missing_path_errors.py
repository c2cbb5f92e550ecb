# feature: stdlib.os.filesystem
# requires: os, errno
# Operations on a missing path raise OSError with errno ENOENT
import errno
import os

missing = "os_spec_missing.none"
for name, fn in (("remove", os.remove), ("stat", os.stat), ("rmdir", os.rmdir), ("listdir", os.listdir)):
    try:
        fn(missing)
        print(name, "ok")
    except OSError as e:
        print(name, e.args[0] == errno.ENOENT, e.errno == errno.ENOENT)
