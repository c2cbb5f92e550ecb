# feature: micropython.emitters.viper
# requires: micropython, emitter.viper
# Viper functions with int annotations do machine-integer arithmetic
import micropython


@micropython.viper
def add(a: int, b: int) -> int:
    return a + b


@micropython.viper
def sum_to(n: int) -> int:
    s = 0
    i = 0
    while i < n:
        s += i
        i += 1
    return s


@micropython.viper
def bits(a: int) -> int:
    return (a << 4) | 3


print(add(2, 3), add(-7, 2), sum_to(100), bits(1))
