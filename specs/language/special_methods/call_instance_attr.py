# feature: language.special_methods.call
# __call__ is looked up on the type; an instance attribute named __call__ is ignored.
class Ring:
    def __call__(self):
        return "class call"

r = Ring()
r.__call__ = lambda: "instance call"
print(r())
print(r.__call__())
