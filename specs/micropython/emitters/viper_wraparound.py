# feature: micropython.emitters.viper
# requires: micropython, emitter.viper
# Viper ints are machine words: they wrap instead of growing into big ints
import micropython


@micropython.viper
def doubled(times: int) -> int:
    x = 1
    i = 0
    while i < times:
        x = x * 2
        i += 1
    return x


def doubled_py(times):
    return 2 ** times


print(doubled(10), doubled_py(10))
print(doubled(70), doubled_py(70))
