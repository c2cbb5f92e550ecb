# feature: language.classes.repr_str
# tags: core
# str() and print use __str__; repr() and containers use __repr__.
class Temp:
    def __init__(self, c):
        self.c = c

    def __repr__(self):
        return "Temp(%d)" % self.c

    def __str__(self):
        return "%d C" % self.c

t = Temp(21)
print(t)
print(str(t), repr(t))
print([t, Temp(5)])
print((t,))
print("{} {!r}".format(t, t))
print("%s %r" % (t, t))
