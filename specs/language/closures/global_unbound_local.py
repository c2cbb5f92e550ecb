# feature: language.closures.global
# Assignment anywhere in a function makes the name local for the whole body.
g = "module"
def f():
    try:
        print(g)
    except NameError as e:
        print(type(e))
    g = "local"
    return g
print(f(), g)
def h():
    if False:
        g = 1
    try:
        return g
    except NameError as e:
        return type(e)
print(h())
