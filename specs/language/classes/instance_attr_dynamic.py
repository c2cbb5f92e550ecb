# feature: language.classes.attributes
# Instance attributes can be added, read with getattr/hasattr and removed.
class Box:
    pass

b = Box()
b.width = 3
setattr(b, "height", 4)
print(b.width * b.height)
print(hasattr(b, "width"), hasattr(b, "depth"))
print(getattr(b, "depth", "none"))
try:
    b.depth
except AttributeError:
    print("AttributeError")
delattr(b, "width")
print(hasattr(b, "width"))
try:
    del b.width
except AttributeError:
    print("AttributeError on del")
