# feature: language.classes.classmethod
# A classmethod can be overridden and call the parent's version via super().
class A:
    key = "a"

    @classmethod
    def tag(cls):
        return ["A:" + cls.key]

class B(A):
    key = "b"

    @classmethod
    def tag(cls):
        return super().tag() + ["B:" + cls.key]

class C(B):
    key = "c"

print(A.tag())
print(B.tag())
print(C.tag())
print(C().tag())
