# feature: language.special_methods.arithmetic
# Reflected methods (__radd__, __rsub__, __rmul__) run when the left operand cannot handle it.
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        if isinstance(o, Num):
            o = o.v
        return Num(self.v + o)

    def __radd__(self, o):
        return Num(o + self.v)

    def __rsub__(self, o):
        return Num(o - self.v)

    def __rmul__(self, o):
        return Num(o * self.v)

    def __repr__(self):
        return "Num(%d)" % self.v

print(1 + Num(2), 10 - Num(3), 4 * Num(5))
print(sum([Num(1), Num(2), Num(3)]))
print(Num(1) + 5)
