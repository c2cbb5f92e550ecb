# feature: language.classes.classmethod
# A classmethod can be overridden and call the parent's version via super().
class A:
    @classmethod
    def tag(cls):
        return ["A:" + cls.__name__]

class B(A):
    @classmethod
    def tag(cls):
        return super().tag() + ["B:" + cls.__name__]

class C(B):
    pass

print(A.tag())
print(B.tag())
print(C.tag())
print(C().tag())
