# feature: language.del.targets
# One del statement can mix names, subscripts and attributes; targets go left to right.
class Obj:
    pass

o = Obj()
o.a = 1
items = [10, 20, 30]
tmp = "x"
del tmp, items[0], o.a, items[0]
print("tmp" in globals(), items, hasattr(o, "a"))
try:
    del items[0], items[5], items[0]
except IndexError:
    print("IndexError", items)
