# feature: language.descriptors.get_set
# A non-data descriptor can cache its result in the instance on first access.
calls = []

class Lazy:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__

    def __get__(self, inst, owner):
        val = self.fn(inst)
        setattr(inst, self.name, val)
        return val

class Data:
    @Lazy
    def total(self):
        calls.append(1)
        return 10 + 20

d = Data()
print(d.total, d.total, d.total, len(calls))
print(Data().total, len(calls))
