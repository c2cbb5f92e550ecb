# feature: language.descriptors.get_set
# A data descriptor intercepts assignment, so no instance attribute is created.
class Upper:
    def __get__(self, inst, owner):
        return inst._v

    def __set__(self, inst, value):
        inst._v = value.upper()

class Rec:
    name = Upper()

r = Rec()
r.name = "ada"
print(r.name)
print(sorted(r.__dict__))
setattr(r, "name", "bob")
print(getattr(r, "name"))
