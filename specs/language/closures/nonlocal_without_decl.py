# feature: language.closures.nonlocal
# Assigning without nonlocal creates a local; reading it first raises UnboundLocalError.
def outer():
    n = 1
    def inner():
        n = 2
        return n
    def broken():
        n += 1
    r = inner()
    try:
        broken()
    except NameError as e:
        print(type(e))
    return r, n
print(outer())
