# feature: language.inheritance.multiple
# tags: core
# A class with several bases gets attributes from all of them, leftmost first.
class Flyer:
    def move(self):
        return "fly"

    def fly(self):
        return "flap"

class Swimmer:
    def move(self):
        return "swim"

    def swim(self):
        return "paddle"

class Duck(Flyer, Swimmer):
    pass

class Fish(Swimmer, Flyer):
    pass

d = Duck()
print(d.move(), d.fly(), d.swim())
print(Fish().move())
print(isinstance(d, Flyer), isinstance(d, Swimmer))
print([b.__name__ for b in Duck.__bases__])
