# feature: builtins.attrs.getattr_family
# hasattr() checks instance, class and inherited attributes, and methods of
# built-in types.
class Base:
    def hello(self):
        return "hi"
class Child(Base):
    pass
c = Child()
c.tag = 1
print(hasattr(c, "tag"), hasattr(c, "hello"), hasattr(Child, "hello"))
print(hasattr(Child, "tag"), hasattr(c, "nope"))
print(hasattr([], "append"), hasattr((), "append"), hasattr("", "join"))
print(hasattr(None, "x"), hasattr(5, "to_bytes"))
