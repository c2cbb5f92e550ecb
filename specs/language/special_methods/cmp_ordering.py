# feature: language.special_methods.comparison
# __lt__, __le__, __gt__, __ge__ drive ordering, sorted(), min() and max().
class Ver:
    def __init__(self, s):
        self.t = tuple(int(p) for p in s.split("."))

    def __lt__(self, o):
        return self.t < o.t

    def __le__(self, o):
        return self.t <= o.t

    def __gt__(self, o):
        return self.t > o.t

    def __ge__(self, o):
        return self.t >= o.t

    def __repr__(self):
        return ".".join(str(p) for p in self.t)

vs = [Ver("1.10"), Ver("1.2"), Ver("0.9.9"), Ver("1.2.1")]
print(sorted(vs))
print(min(vs), max(vs))
print(Ver("2.0") > Ver("1.9"), Ver("1.0") <= Ver("1.0"), Ver("1.0") >= Ver("1.1"))
