# feature: language.classes.classmethod
# tags: core
# A classmethod receives the class, whether called on the class or an instance.
class Shape:
    count = 0

    @classmethod
    def make(cls):
        cls.count += 1
        return cls()

    @classmethod
    def name(cls):
        return cls.__name__

s = Shape.make()
print(type(s).__name__, Shape.count)
print(s.name(), Shape.name())
t = s.make()
print(Shape.count, type(t) is Shape)
