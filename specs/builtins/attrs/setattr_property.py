# feature: builtins.attrs.getattr_family
# setattr/getattr/delattr go through properties and __setattr__ like dot syntax.
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        print("set", v)
        self._c = v
class Log:
    def __setattr__(self, name, value):
        print("setattr", name, value)
t = Temp()
setattr(t, "c", 21)
print(getattr(t, "c"))
setattr(Log(), "k", 1)
