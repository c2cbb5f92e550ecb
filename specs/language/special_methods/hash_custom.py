# feature: language.special_methods.hash
# tags: core
# __hash__ with __eq__ lets equal objects act as the same dict key or set member.
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __eq__(self, o):
        return (self.a, self.b) == (o.a, o.b)

    def __hash__(self):
        return hash((self.a, self.b))

d = {Key(1, 2): "first"}
d[Key(1, 2)] = "second"
d[Key(2, 1)] = "third"
print(len(d), d[Key(1, 2)])
s = {Key(0, 0), Key(0, 0), Key(1, 1)}
print(len(s), Key(1, 1) in s, Key(3, 3) in s)
