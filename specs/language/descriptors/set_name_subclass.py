# feature: language.descriptors.set_name
# __set_name__ runs for the class that defines the descriptor, not for subclasses.
log = []

class Marker:
    def __set_name__(self, owner, name):
        log.append(owner.__name__ + "." + name)

class Base:
    m = Marker()

class Child(Base):
    n = Marker()

class GrandChild(Child):
    pass

print(log)
