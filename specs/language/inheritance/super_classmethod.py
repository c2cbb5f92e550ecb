# feature: language.inheritance.super
# super() works inside class methods and for attribute (not just method) lookup.
class Base:
    label = "base"

    @classmethod
    def create(cls):
        return ["Base got " + cls.label]

class Sub(Base):
    label = "sub"

    @classmethod
    def create(cls):
        return super().create() + ["Sub"]

    def labels(self):
        return self.label, super().label

print(Sub.create())
print(Sub().labels())
