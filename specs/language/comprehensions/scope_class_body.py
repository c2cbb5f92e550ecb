# feature: language.comprehensions.scoping
# In a class body, only the outermost iterable can see class-level names.
class C:
    n = 3
    items = [i for i in range(n)]
    try:
        bad = [n for i in range(2)]
    except NameError:
        bad = "NameError"
print(C.items, C.bad)
