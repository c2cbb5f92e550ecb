# feature: language.inheritance.multiple
# __mro__ and mro() list the linearisation of a class hierarchy.
class A:
    pass

class B(A):
    pass

class C(A):
    pass

class D(B, C):
    pass

try:
    print([k.__name__ for k in D.__mro__])
except AttributeError:
    print("no __mro__")
try:
    print([k.__name__ for k in D.mro()])
except AttributeError:
    print("no mro()")
