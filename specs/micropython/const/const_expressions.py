# feature: micropython.const.const
# requires: micropython
# The argument may be an expression of literals and earlier constants
from micropython import const

BASE = const(1 << 4)
DERIVED = const(BASE * 2 + 1)
FLAGS = const(BASE | 0x3)
BIG = const(1 << 40)
print(BASE, DERIVED, FLAGS, BIG)
print(DERIVED - BASE)
