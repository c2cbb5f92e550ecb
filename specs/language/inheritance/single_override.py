# feature: language.inheritance.single
# tags: core
# A subclass inherits methods and can override some of them.
class Animal:
    def __init__(self, name):
        self.name = name

    def sound(self):
        return "..."

    def speak(self):
        return self.name + " says " + self.sound()

class Dog(Animal):
    def sound(self):
        return "woof"

class Puppy(Dog):
    pass

print(Animal("gen").speak())
print(Dog("rex").speak())
print(Puppy("bit").speak())
print(Puppy.__bases__[0].__name__, Dog.__bases__[0].__name__)
