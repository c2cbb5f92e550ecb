# feature: language.special_methods.arithmetic
# Unary operators: __neg__, __pos__, __abs__, __invert__.
class Sig:
    def __init__(self, v):
        self.v = v

    def __neg__(self):
        return Sig(-self.v)

    def __pos__(self):
        return Sig(self.v + 1000)

    def __abs__(self):
        return self.v if self.v >= 0 else -self.v

    def __invert__(self):
        return "inverted %d" % self.v

s = Sig(-7)
print((-s).v, (+s).v, abs(s), ~s)
print((-(-s)).v)
try:
    not_defined = Sig(1) ** 2
except TypeError:
    print("TypeError")
