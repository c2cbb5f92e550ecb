# feature: language.del.items_attrs
# del obj.attr removes an instance attribute, revealing the class attribute.
class C:
    v = "class"

c = C()
c.v = "instance"
print(c.v)
del c.v
print(c.v)
try:
    del c.v
except AttributeError:
    print("AttributeError")
del C.v
print(hasattr(c, "v"))
