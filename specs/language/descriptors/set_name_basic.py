# feature: language.descriptors.set_name
# __set_name__ is called at class creation with the owner and attribute name.
seen = []

class Field:
    def __set_name__(self, owner, name):
        seen.append((owner.__name__, name))
        self.name = name

    def __get__(self, inst, owner):
        return "field " + self.name

class Model:
    title = Field()
    body = Field()

print(sorted(seen))
print(Model().title, Model().body)
