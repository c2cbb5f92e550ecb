# feature: types.bool_none.singletons
# True, False and None are singletons: bool() always returns one of the two
# bool objects, and comparisons yield them too.
print(bool(5) is True, bool("") is False, (1 < 2) is True, (not 1) is False)
print(bool(True) is True, type(True)(0) is False)
x = None
print(x is None, x == None, None is None, type(None))
def f():
    pass
print(f() is None, [].sort() is None, print() is None)
