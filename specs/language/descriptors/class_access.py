# feature: language.descriptors.get_set
# Accessed via the class, __get__ is called with instance None and the owner.
class Show:
    def __get__(self, inst, owner):
        return (inst is None, owner.__name__)

class Own:
    s = Show()

class Sub(Own):
    pass

def show(v):
    print(v if isinstance(v, tuple) else "descriptor object")

show(Own.s)
show(Own().s)
show(Sub.s)
show(Sub().s)
