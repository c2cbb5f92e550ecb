# feature: language.classes.init
# A class without __init__ takes no constructor arguments.
class Empty:
    pass

e = Empty()
print(isinstance(e, Empty), isinstance(e, object))
try:
    Empty(1)
    print("accepted positional")
except TypeError:
    print("TypeError")
try:
    Empty(a=1)
    print("accepted keyword")
except TypeError:
    print("TypeError kw")
