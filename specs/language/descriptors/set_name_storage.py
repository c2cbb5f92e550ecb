# feature: language.descriptors.set_name
# A descriptor uses the name from __set_name__ to store data per instance.
class Stored:
    def __set_name__(self, owner, name):
        self.key = "_" + name

    def __get__(self, inst, owner):
        return getattr(inst, self.key, None)

    def __set__(self, inst, value):
        setattr(inst, self.key, value)

class User:
    name = Stored()
    age = Stored()

u = User()
print(u.name, u.age)
u.name = "ann"
u.age = 30
print(u.name, u.age, u._name, u._age)
