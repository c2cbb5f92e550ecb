# feature: language.special_methods.comparison
# Comparison methods may return any object; == returns it unchanged.
class Sym:
    def __init__(self, n):
        self.n = n

    def __eq__(self, o):
        return "(%s == %s)" % (self.n, o)

    def __lt__(self, o):
        return [self.n, o]

print(Sym("x") == 3)
print(Sym("y") < 4)
print(bool(Sym("z") < 0))
