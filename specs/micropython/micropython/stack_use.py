# feature: micropython.micropython.runtime
# requires: micropython
# stack_use() returns a positive int that grows with call depth
import micropython


def depth(n):
    if n == 0:
        return micropython.stack_use()
    return depth(n - 1)


s = micropython.stack_use()
print(isinstance(s, int), s > 0)
print(depth(4) > depth(0), depth(0) >= s)
