# feature: language.classes.property
# Properties are inherited; a subclass can override a property.
class Base:
    label = "base"

    @property
    def kind(self):
        return "kind:" + self.label

class Mid(Base):
    label = "mid"

class Leaf(Base):
    @property
    def kind(self):
        return "leaf"

print(Mid().kind)
print(Leaf().kind)
print(Base().kind)
