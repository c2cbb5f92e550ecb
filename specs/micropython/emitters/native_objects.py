# feature: micropython.emitters.native
# requires: micropython, emitter.native
# Native code handles arbitrary objects: strings, dicts, big ints, keyword arguments
import micropython


@micropython.native
def build(name, count=2, **extra):
    d = {"name": name * count}
    for k in sorted(extra):
        d[k] = extra[k]
    return d, 2 ** 70


d, big = build("ab", z=1, a=0)
print(sorted(d.items()), big)
