# feature: language.classes.staticmethod
# Static methods used as factories and with default/keyword arguments.
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y

    @staticmethod
    def origin(dim=2, *, scale=1):
        return [0 * scale] * dim

    @staticmethod
    def from_pair(pair):
        return Pt(*pair)

print(Pt.origin(), Pt.origin(3), Pt.origin(dim=1, scale=5))
p = Pt.from_pair((3, 4))
print(p.x, p.y)
try:
    Pt.origin(2, 3)
except TypeError:
    print("TypeError")
