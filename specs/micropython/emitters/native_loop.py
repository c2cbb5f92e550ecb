# feature: micropython.emitters.native
# requires: micropython, emitter.native
# A @micropython.native function computes the same results as bytecode
import micropython


@micropython.native
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fib_bc(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print(fib(10), fib(90))
print(all(fib(i) == fib_bc(i) for i in range(40)))
