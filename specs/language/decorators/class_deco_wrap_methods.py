# feature: language.decorators.class_decorators
# A class decorator can wrap the class's methods, here turning results to upper case.
def upper_methods(cls):
    for name in ("hello", "bye"):
        fn = getattr(cls, name)

        def make(f):
            return lambda self: f(self).upper()
        setattr(cls, name, make(fn))
    return cls

@upper_methods
class Talk:
    def hello(self):
        return "hello"

    def bye(self):
        return "bye"

t = Talk()
print(t.hello(), t.bye())
