# feature: language.special_methods.arithmetic
# Returning NotImplemented lets the other operand try; if both refuse, TypeError.
class Meters:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        if isinstance(o, Meters):
            return Meters(self.v + o.v)
        return NotImplemented

class Feet:
    def __radd__(self, o):
        return "Feet.__radd__ got " + type(o).__name__

print((Meters(1) + Meters(2)).v)
print(Meters(1) + Feet())
try:
    Meters(1) + 5
except TypeError:
    print("TypeError")
try:
    5 + Meters(1)
except TypeError:
    print("TypeError reflected")
