# feature: language.classes.repr_str
# __str__ and __repr__ must return str; other types raise TypeError.
class BadStr:
    def __str__(self):
        return 5

class BadRepr:
    def __repr__(self):
        return None

for obj, fn in ((BadStr(), str), (BadRepr(), repr)):
    try:
        fn(obj)
        print("no error")
    except TypeError:
        print("TypeError")
