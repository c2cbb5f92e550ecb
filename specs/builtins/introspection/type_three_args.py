# feature: builtins.introspection.type_callable
# type(name, bases, dict) creates a class dynamically.
def greet(self):
    return "hi from " + type(self).__name__
Base = type("Base", (), {"kind": "base", "greet": greet})
Sub = type("Sub", (Base,), {"kind": "sub"})
s = Sub()
print(Base.__name__, Sub.__name__, s.kind, Base.kind)
print(s.greet(), isinstance(s, Base), issubclass(Sub, Base))
