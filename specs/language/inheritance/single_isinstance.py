# feature: language.inheritance.single
# isinstance and issubclass follow the inheritance chain.
class A:
    pass

class B(A):
    pass

class C(B):
    pass

c = C()
print(isinstance(c, C), isinstance(c, B), isinstance(c, A), isinstance(c, object))
print(isinstance(B(), C))
print(issubclass(C, A), issubclass(A, C), issubclass(A, A))
print(issubclass(C, (int, B)), isinstance(c, (int, str)))
print(type(c) is B, type(c) is C)
