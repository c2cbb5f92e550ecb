# feature: language.classes.property
# Accessed on the class, a property returns the property object itself.
class A:
    @property
    def x(self):
        return 1

print(type(A.x).__name__)
print(isinstance(A.x, property))
print(A().x)
