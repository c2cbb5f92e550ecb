# feature: micropython.const.const
# requires: micropython
# const() also accepts str, bytes and tuple literals; as a plain call it returns its argument
import micropython
from micropython import const

NAME = const("label")
RAW = const(b"\x01\x02")
PAIR = const((1, 2))
print(NAME, RAW, PAIR)
print(micropython.const(7), micropython.const("x"))
