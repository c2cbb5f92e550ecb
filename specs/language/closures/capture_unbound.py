# feature: language.closures.capture
# Referring to a captured variable before it is assigned raises NameError.
def outer():
    def inner():
        return late
    try:
        inner()
    except NameError as e:
        print(type(e))
    late = "now set"
    return inner()
print(outer())
def shadow():
    x = 1
    def inner():
        try:
            return x
        except NameError as e:
            return type(e)
    del x
    return inner()
print(shadow())
