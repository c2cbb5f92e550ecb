# feature: builtins.introspection.isinstance
# issubclass() is reflexive and follows multiple inheritance.
class A:
    pass
class B(A):
    pass
class C:
    pass
class D(B, C):
    pass
print(issubclass(B, A), issubclass(A, B), issubclass(A, A))
print(issubclass(D, A), issubclass(D, C), issubclass(C, D))
print(issubclass(D, object), issubclass(int, object))
print(issubclass(str, (int, A)), issubclass(D, (int, C)))
