# feature: micropython.const.const
# requires: micropython
# const() declares a compile-time integer constant usable like a normal global
from micropython import const

WIDTH = const(10)
HEIGHT = const(-3)
MASK = const(0x10)


def area():
    return WIDTH * HEIGHT


print(WIDTH, HEIGHT, MASK, area())
print("WIDTH" in globals(), globals()["WIDTH"])
