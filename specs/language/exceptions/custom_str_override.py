# feature: language.exceptions.custom
# Overriding __str__ changes what str(exc) and print(exc) show.
class RangeErr(ValueError):
    def __init__(self, v, lo, hi):
        super().__init__(v, lo, hi)
        self.v = v

    def __str__(self):
        lo, hi = self.args[1], self.args[2]
        return "%d not in [%d, %d]" % (self.v, lo, hi)

try:
    raise RangeErr(12, 0, 10)
except ValueError as e:
    print(e)
    print(str(e), e.args)
    print("%s" % e)
