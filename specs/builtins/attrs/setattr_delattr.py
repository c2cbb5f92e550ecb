# feature: builtins.attrs.getattr_family
# setattr() creates or rebinds attributes; delattr() removes them.
class Bag:
    pass
b = Bag()
setattr(b, "color", "red")
print(b.color, hasattr(b, "color"))
setattr(b, "color", "blue")
print(getattr(b, "color"))
name = "si" + "ze"
setattr(b, name, 3)
print(b.size)
delattr(b, "color")
print(hasattr(b, "color"), hasattr(b, "size"))
try:
    delattr(b, "color")
except AttributeError:
    print("AttributeError")
