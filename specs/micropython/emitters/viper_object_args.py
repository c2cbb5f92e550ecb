# feature: micropython.emitters.viper
# requires: micropython, emitter.viper
# Unannotated viper arguments are Python objects; bool return converts to True/False
import micropython


@micropython.viper
def first(seq):
    return seq[0]


@micropython.viper
def above(x: int, limit: int) -> bool:
    return x > limit


@micropython.viper
def negate(x: int) -> int:
    return -x


print(first("xyz"), first([None, 1]), above(3, 2), above(1, 2), negate(5))
