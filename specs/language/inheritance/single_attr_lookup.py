# feature: language.inheritance.single
# Class attribute lookup walks the bases; a subclass assignment shadows the base.
class Base:
    colour = "red"
    size = 1

class Sub(Base):
    size = 2

s = Sub()
print(s.colour, s.size, Base.size)
Base.colour = "blue"
print(s.colour)
Sub.colour = "green"
print(s.colour, Base.colour)
del Sub.colour
print(s.colour)
