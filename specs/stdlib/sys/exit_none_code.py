# feature: stdlib.sys.exit
# requires: sys
# SystemExit.code holds the argument; sys.exit(None) and sys.exit() give code None
import sys

for args in ((4,), (None,), ()):
    try:
        sys.exit(*args)
    except SystemExit as e:
        print(args, getattr(e, "code", "no code attribute"))
