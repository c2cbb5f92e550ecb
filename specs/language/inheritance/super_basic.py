# feature: language.inheritance.super
# tags: core
# super() calls the parent implementation from an overriding method.
class Base:
    def __init__(self, a):
        self.a = a

    def describe(self):
        return "a=%d" % self.a

class Child(Base):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b

    def describe(self):
        return super().describe() + " b=%d" % self.b

c = Child(1, 2)
print(c.a, c.b)
print(c.describe())
