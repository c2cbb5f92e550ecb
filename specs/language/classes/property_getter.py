# feature: language.classes.property
# tags: core
# A read-only property computes a value; assigning to it raises AttributeError.
class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h

    @property
    def area(self):
        return self.w * self.h

r = Rect(3, 4)
print(r.area)
r.w = 10
print(r.area)
try:
    r.area = 5
except AttributeError:
    print("AttributeError set")
try:
    del r.area
except AttributeError:
    print("AttributeError del")
print(r.area)
