# feature: stdlib.sys.exit
# requires: sys
# SystemExit derives from BaseException, so 'except Exception' does not catch it
import sys

print(issubclass(SystemExit, BaseException), issubclass(SystemExit, Exception))
try:
    try:
        sys.exit(2)
    except Exception:
        print("caught as Exception")
except SystemExit:
    print("passed through to SystemExit handler")
