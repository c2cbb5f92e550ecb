# feature: language.del.names
# Reading a deleted local raises UnboundLocalError, a subclass of NameError.
def f():
    v = 1
    del v
    try:
        return v
    except NameError as e:
        return type(e).__name__

def g(flag):
    w = 2
    if flag:
        del w
    try:
        return w
    except NameError:
        return "unbound"

print(f(), g(False), g(True))
