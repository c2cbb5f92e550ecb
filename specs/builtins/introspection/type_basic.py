# feature: builtins.introspection.type_callable
# type(x) gives the exact class; it is not fooled by subclasses.
class Base:
    pass
class Sub(Base):
    pass
print(type(1), type("a"), type(None), type([]))
print(type(Sub()) is Sub, type(Sub()) is Base, isinstance(Sub(), Base))
print(type(True) is bool, type(1.0) is float, type(type) is type)
print(type(3)("42") + 1, type("")(12))
