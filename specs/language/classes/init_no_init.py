# feature: language.classes.init
# A class without __init__ takes no constructor arguments.
class Empty:
    pass

e = Empty()
print(type(e).__name__)
try:
    Empty(1)
except TypeError:
    print("TypeError")
try:
    Empty(a=1)
except TypeError:
    print("TypeError kw")
print(isinstance(e, Empty), isinstance(e, object))
