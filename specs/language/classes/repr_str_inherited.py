# feature: language.classes.repr_str
# __repr__ is inherited and can use type(self).__name__ of the subclass.
class Base:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.v)

class Child(Base):
    pass

class Loud(Base):
    def __str__(self):
        return str(self.v).upper()

print(repr(Base(1)), repr(Child("a")))
print(Child([1, 2]))
print(Loud("hey"), repr(Loud("hey")))
print({"k": Child(2)})
