# feature: builtins.introspection.type_callable
# id() values are ints, stable for an object's lifetime, equal exactly when
# `is` is True. The values themselves are never printed.
a = [1]
b = [1]
c = a
print(type(id(a)), id(a) == id(a))
print(id(a) == id(c), a is c)
print(id(a) == id(b), a is b, a == b)
print(id(None) == id(None), id(len) == id(len))
