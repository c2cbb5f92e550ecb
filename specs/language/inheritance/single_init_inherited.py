# feature: language.inheritance.single
# A subclass without __init__ uses the base __init__; defining one replaces it.
class Base:
    def __init__(self, x):
        self.x = x

class Same(Base):
    pass

class Own(Base):
    def __init__(self):
        self.y = 5

print(Same(3).x)
o = Own()
print(o.y, hasattr(o, "x"))
try:
    Same()
except TypeError:
    print("TypeError")
