# feature: language.special_methods.bool
# Without __bool__, truthiness uses __len__; without either, objects are true.
class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

class Neither:
    pass

print(bool(Sized(0)), bool(Sized(3)))
print(bool(Neither()))
print([x.n for x in [Sized(0), Sized(2), Sized(0), Sized(1)] if x])
