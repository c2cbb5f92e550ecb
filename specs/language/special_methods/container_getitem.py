# feature: language.special_methods.container
# tags: core
# __len__, __getitem__, __setitem__ and __delitem__ give indexing and len().
class Grid:
    def __init__(self):
        self.cells = {}

    def __len__(self):
        return len(self.cells)

    def __getitem__(self, key):
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

g = Grid()
g[0, 1] = "x"
g["name"] = "y"
print(len(g), g[0, 1], g["name"], g[5, 5])
del g[0, 1]
print(len(g), g[0, 1])
try:
    del g["nope"]
except KeyError:
    print("KeyError")
