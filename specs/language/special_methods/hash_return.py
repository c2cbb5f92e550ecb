# feature: language.special_methods.hash
# hash() uses the __hash__ result; equal hashes alone do not make keys equal.
class Fixed:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 7

x, y = Fixed(1), Fixed(2)
print(hash(x), hash(y))
d = {x: "x", y: "y"}
print(len(d), d[x], d[y])

class BadHash:
    def __hash__(self):
        return "nope"

try:
    hash(BadHash())
except TypeError:
    print("TypeError")
