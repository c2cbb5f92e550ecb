# feature: stdlib.sys.exit
# requires: sys
# sys.exit raises SystemExit carrying its argument
import sys

for args in ((5,), (0,), ("message",), ()):
    try:
        sys.exit(*args)
        print("not reached")
    except SystemExit as e:
        print(args, e.args)
