# feature: builtins.introspection.isinstance
# isinstance() with classes, subclasses and built-in types.
class Animal:
    pass
class Dog(Animal):
    pass
d = Dog()
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, object))
print(isinstance(Animal(), Dog))
print(isinstance(1, int), isinstance(1.0, int), isinstance("s", str))
print(isinstance([], list), isinstance((), list), isinstance({}, dict))
print(isinstance(None, object), isinstance(int, type), isinstance(Dog, type))
