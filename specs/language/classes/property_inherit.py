# feature: language.classes.property
# Properties are inherited; a subclass can override a property.
class Base:
    @property
    def kind(self):
        return "base:" + type(self).__name__

class Mid(Base):
    pass

class Leaf(Base):
    @property
    def kind(self):
        return "leaf"

print(Mid().kind)
print(Leaf().kind)
print(Base().kind)
