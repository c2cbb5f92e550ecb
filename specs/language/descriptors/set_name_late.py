# feature: language.descriptors.set_name
# __set_name__ is not called when a descriptor is attached after class creation.
class Named:
    name = None

    def __set_name__(self, owner, name):
        self.name = name

class Early:
    a = Named()

class Late:
    pass

Late.b = Named()
print(Early.__dict__["a"].name)
print(Late.__dict__["b"].name)
