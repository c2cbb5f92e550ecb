# feature: determinism.stack.recursion
# requires: micropython
# timeout: 20
# ROB_STACK: recursion until the interpreter stops it. It must end in a clean
# RuntimeError, never a crash; the depth reached and the stack used are measured.
import micropython

deepest = [0, 0]


def down(n):
    deepest[0] = n
    used = micropython.stack_use()
    if used > deepest[1]:
        deepest[1] = used
    down(n + 1)


try:
    down(1)
except RuntimeError as e:
    print('clean', type(e), e.args[0])
print('@measure stack.depth', deepest[0])
print('@measure stack.max_use', deepest[1], 'bytes')
