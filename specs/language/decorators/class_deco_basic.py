# feature: language.decorators.class_decorators
# tags: core
# A class decorator receives the new class and may modify and return it.
seen = []

def add_describe(cls):
    seen.append(cls)

    def describe(self):
        return "x=%d y=%d" % (self.x, self.y)
    cls.describe = describe
    return cls

@add_describe
class Point:
    def __init__(self):
        self.x = 1
        self.y = 2

print(Point().describe())
print(seen[0] is Point, isinstance(Point, type))
