# feature: types.bool_none.singletons
# NoneType cannot be ordered and has no attributes of its own; calling it
# returns the None singleton.
print(repr(None), str(None), bool(None), None != 0, None == False)
try:
    None < 1
except TypeError:
    print("TypeError order")
try:
    None.foo
except AttributeError:
    print("AttributeError")
print(type(None)() is None)
