# feature: language.classes.attributes
# Methods accessed on an instance are bound; on the class they are plain functions.
class Greeter:
    def __init__(self, name):
        self.name = name

    def hello(self, punct):
        return "hi " + self.name + punct

g = Greeter("ann")
m = g.hello
print(m("!"))
print(Greeter.hello(g, "?"))
h = Greeter("bob")
print(Greeter.hello(h, "."))
g.hello = lambda p: "override" + p
print(g.hello("#"))
print(Greeter("cy").hello("~"))
