# feature: language.descriptors.get_set
# A non-data descriptor (only __get__) is shadowed by an instance attribute.
class Default:
    def __get__(self, inst, owner):
        return "from descriptor"

class Obj:
    val = Default()

o = Obj()
print(o.val)
o.val = "from instance"
print(o.val)
del o.val
print(o.val)
print(Obj().val)
