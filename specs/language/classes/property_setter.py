# feature: language.classes.property
# Property setter validates and stores; deleter runs on del.
class Temp:
    def __init__(self):
        self._c = 0

    @property
    def c(self):
        return self._c

    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v

    @c.deleter
    def c(self):
        print("deleting")
        self._c = None

t = Temp()
t.c = 25
print(t.c)
try:
    t.c = -300
except ValueError as e:
    print("ValueError", e)
print(t.c)
del t.c
print(t.c)
