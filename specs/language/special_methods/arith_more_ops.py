# feature: language.special_methods.arithmetic
# Power, bitwise, shift and matmul operators dispatch to their special methods.
class Op:
    def __pow__(self, o):
        return "pow %r" % o

    def __rpow__(self, o):
        return "rpow %r" % o

    def __and__(self, o):
        return "and"

    def __or__(self, o):
        return "or"

    def __xor__(self, o):
        return "xor"

    def __lshift__(self, o):
        return "lshift"

    def __rshift__(self, o):
        return "rshift"

    def __matmul__(self, o):
        return "matmul"

o = Op()
print(o ** 2, 3 ** o)
print(o & 1, o | 1, o ^ 1)
print(o << 1, o >> 1, o @ o)
