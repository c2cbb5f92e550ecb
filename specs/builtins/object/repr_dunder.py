# feature: builtins.object.repr
# repr() calls __repr__; str() falls back to __repr__ when __str__ is missing;
# containers use the items' __repr__, not __str__.
class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "P(%r)" % (self.x,)
class Q(P):
    def __str__(self):
        return "q" + str(self.x)
print(repr(P(1)), str(P("a")), P(2))
print(repr(Q(3)), str(Q(3)), [Q(4)], (P(5),))
print("%s %r" % (Q(6), Q(7)))
