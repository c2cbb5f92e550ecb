# feature: language.inheritance.multiple
# Class attributes from several bases; the first base that defines a name wins.
class A:
    x = "A.x"
    y = "A.y"

class B:
    x = "B.x"
    z = "B.z"

class AB(A, B):
    pass

class BA(B, A):
    y = "BA.y"

print(AB.x, AB.y, AB.z)
print(BA.x, BA.y, BA.z)
print(issubclass(AB, A), issubclass(AB, B), issubclass(A, B))
