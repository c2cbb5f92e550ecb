# feature: language.special_methods.container
# A __getitem__ that raises IndexError makes a class usable as a sequence.
class Squares:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("out of range")
        return i * i

s = Squares(5)
print(s[-1], s[2], len(s))
print(list(s), sum(s), max(s))
a, b, *rest = Squares(4)
print(a, b, rest)
try:
    s[5]
except IndexError:
    print("IndexError")
print([x for x in reversed(s)])
