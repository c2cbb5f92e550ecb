# feature: builtins.introspection.type_callable
# type(name, bases, dict) creates a class dynamically: the dict becomes the
# class namespace, bases are inherited, and the name shows in the class repr.
def greet(self):
    return "hi from " + self.kind
Base = type("Base", (), {"kind": "base", "greet": greet})
Sub = type("Sub", (Base,), {"kind": "sub"})
s = Sub()
print("Base" in repr(Base), "Sub" in repr(Sub), s.kind, Base.kind)
print(s.greet(), Base().greet(), isinstance(s, Base), issubclass(Sub, Base))
print(type(Base) is type, type(s) is Sub)
