# feature: language.special_methods.bool
# __bool__ is inherited and can be overridden; any() and all() use it.
class Base:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v > 0

class Inverted(Base):
    def __bool__(self):
        return not super().__bool__()

items = [Base(1), Base(0), Base(-1)]
print([bool(i) for i in items])
print([bool(Inverted(i.v)) for i in items])
print(any(items), all(items), all(items[:1]))
print(list(filter(None, items)) == items[:1])
