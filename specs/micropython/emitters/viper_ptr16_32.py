# feature: micropython.emitters.viper
# requires: micropython, array, emitter.viper
# ptr16 and ptr32 index a buffer in 16- and 32-bit units
import array
import micropython


@micropython.viper
def second32(buf) -> int:
    p = ptr32(buf)
    return p[1]


@micropython.viper
def fill16(buf, v: int):
    p = ptr16(buf)
    for i in range(int(len(buf))):
        p[i] = v + i


print(second32(array.array("i", [7, 8, 9])))
h = array.array("H", [0, 0, 0])
fill16(h, 500)
print(list(h))
