# feature: language.special_methods.arithmetic
# __iadd__ mutates in place; without it, += falls back to __add__ and rebinds.
class Bag:
    def __init__(self, items):
        self.items = list(items)

    def __iadd__(self, other):
        self.items.extend(other)
        return self

class Val:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Val(self.v + o)

b = Bag([1])
alias = b
b += [2, 3]
print(b.items, alias is b, alias.items)
v = Val(1)
old = v
v += 4
print(v.v, old.v, v is old)
