# feature: stdlib.errno.codes
# requires: os, errno
# CPython raises OSError subclasses chosen by errno (FileNotFoundError, FileExistsError)
import os

for label, fn in (("remove missing", lambda: os.remove("os_spec_missing.none")),
                  ("mkdir existing", lambda: os.mkdir("."))):
    try:
        fn()
    except OSError as e:
        print(label, type(e).__name__)
