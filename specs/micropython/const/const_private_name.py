# feature: micropython.const.const
# requires: micropython
# A constant whose name starts with '_' is substituted and not stored in globals
from micropython import const

_HIDDEN = const(20)
SHOWN = const(30)


def use():
    return _HIDDEN + SHOWN


print(use(), _HIDDEN)
print("_HIDDEN" in globals(), "SHOWN" in globals())
