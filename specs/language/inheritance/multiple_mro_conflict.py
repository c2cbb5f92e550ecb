# feature: language.inheritance.multiple
# An inconsistent base order cannot be linearised and raises TypeError.
class X:
    pass

class Y(X):
    pass

try:
    class Z(X, Y):
        pass
    print("created")
except TypeError:
    print("TypeError")
