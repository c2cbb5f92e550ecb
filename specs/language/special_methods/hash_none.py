# feature: language.special_methods.hash
# Setting __hash__ = None explicitly marks a class unhashable.
class Mutable:
    __hash__ = None

try:
    hash(Mutable())
except TypeError:
    print("TypeError")
try:
    set([Mutable()])
except TypeError:
    print("TypeError set")
