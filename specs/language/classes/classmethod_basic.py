# feature: language.classes.classmethod
# tags: core
# A classmethod receives the class, whether called on the class or an instance.
class Shape:
    count = 0
    kind = "shape"

    @classmethod
    def make(cls):
        cls.count += 1
        return cls()

    @classmethod
    def name(cls):
        return cls.kind

s = Shape.make()
print(type(s) is Shape, Shape.count)
print(s.name(), Shape.name())
t = s.make()
print(Shape.count, type(t) is Shape)
