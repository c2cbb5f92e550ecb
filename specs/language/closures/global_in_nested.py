# feature: language.closures.global
# global in a nested function skips enclosing function scopes.
v = "global"
def outer():
    v = "outer"
    def inner():
        global v
        v = "changed by inner"
    inner()
    return v
print(outer(), v)
def outer2():
    global w
    w = 1
    def inner():
        return w
    w = 2
    return inner()
print(outer2(), w)
