# feature: language.descriptors.get_set
# tags: core
# A data descriptor with __get__/__set__ validates values per instance.
class Positive:
    def __init__(self, key):
        self.key = key

    def __get__(self, inst, owner):
        if inst is None:
            return self
        return getattr(inst, self.key, 0)

    def __set__(self, inst, value):
        if value <= 0:
            raise ValueError(self.key)
        setattr(inst, self.key, value)

class Item:
    price = Positive("_price")

a, b = Item(), Item()
print(a.price)
a.price = 5
b.price = 7
print(a.price, b.price)
try:
    a.price = -1
except ValueError as e:
    print("ValueError", e)
print(a.price)
