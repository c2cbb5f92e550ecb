# feature: language.classes.repr_str
# __repr__ of a container-like object formats its children's reprs.
class Node:
    def __init__(self, name, kids=()):
        self.name = name
        self.kids = list(kids)

    def __repr__(self):
        if not self.kids:
            return self.name
        return self.name + repr(self.kids)

tree = Node("a", [Node("b"), Node("c", [Node("d")])])
print(repr(tree))
print(str(tree))
print("%s" % tree)
print(f"{tree!r}")
