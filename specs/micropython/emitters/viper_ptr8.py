# feature: micropython.emitters.viper
# requires: micropython, emitter.viper
# ptr8 reads and writes the bytes of a buffer directly
import micropython


@micropython.viper
def total(buf) -> int:
    p = ptr8(buf)
    s = 0
    for i in range(int(len(buf))):
        s += p[i]
    return s


@micropython.viper
def upcase(buf):
    p = ptr8(buf)
    for i in range(int(len(buf))):
        if 97 <= p[i] <= 122:
            p[i] = p[i] - 32


print(total(b"\x01\x02\x03\xff"))
ba = bytearray(b"viper 8!")
upcase(ba)
print(ba)
