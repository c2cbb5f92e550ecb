# feature: language.del.names
# Deleting the last reference to an object runs its __del__ method.
class Res:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("finalize", self.n)

r = Res(1)
del r
print("after del")
a = Res(2)
b = a
del a
print("still referenced")
del b
print("end")
