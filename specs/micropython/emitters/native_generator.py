# feature: micropython.emitters.native
# requires: micropython, emitter.native
# Native generators yield values and receive sent values
import micropython


@micropython.native
def squares(n):
    for i in range(n):
        yield i * i


@micropython.native
def echo():
    got = yield "ready"
    while True:
        got = yield got * 2


print(list(squares(5)))
g = echo()
print(next(g), g.send(3), g.send(10))
