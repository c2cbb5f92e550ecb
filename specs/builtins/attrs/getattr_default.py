# feature: builtins.attrs.getattr_family
# getattr() with and without a default; a missing attribute raises AttributeError.
class Point:
    dims = 2
    def __init__(self):
        self.x = 5
p = Point()
print(getattr(p, "x"), getattr(p, "dims"), getattr(Point, "dims"))
print(getattr(p, "y", "missing"), getattr(p, "x", "unused"))
try:
    getattr(p, "y")
except AttributeError:
    print("AttributeError")
print(getattr("abc", "upper")())
print(getattr(p, "y", None) is None)
