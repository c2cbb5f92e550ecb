# feature: language.unpacking.calls
# ** accepts any mapping that provides keys() and __getitem__.
class M:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
def f(**kw):
    return sorted(kw.items())
print(f(**M()))
print(dict(**M()) == {"p": "P", "q": "Q"})
def g(p, q):
    return p + q
print(g(**M()))
