# feature: builtins.iteration.map_filter
# filter() tests the predicate's result with truth-value rules (__bool__/__len__).
class Flag:
    def __init__(self, v):
        self.v = v
        self.label = "Flag(%s)" % v
    def __bool__(self):
        return self.v
class Box:
    def __init__(self, n):
        self.n = n
        self.label = "Box(%d)" % n
    def __len__(self):
        return self.n
items = [Flag(True), Flag(False), Box(0), Box(2)]
kept = filter(None, items)
print([x.label for x in kept])
print(list(filter(lambda x: x - 1, [0, 1, 2])))
