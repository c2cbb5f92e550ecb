# feature: language.special_methods.hash
# Defining __eq__ without __hash__ makes instances unhashable.
class OnlyEq:
    def __eq__(self, o):
        return True

try:
    hash(OnlyEq())
    print("hashable")
except TypeError:
    print("TypeError")
try:
    {OnlyEq(): 1}
    print("dict ok")
except TypeError:
    print("TypeError dict")
