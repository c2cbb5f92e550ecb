# feature: language.special_methods.bool
# __bool__ must return a bool; returning an int raises TypeError.
class IntBool:
    def __bool__(self):
        return 1

try:
    print(bool(IntBool()))
except TypeError:
    print("TypeError")
