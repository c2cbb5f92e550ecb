# feature: language.decorators.function
# Stacked decorators apply bottom-up: the one nearest the def wraps first.
def tag(name):
    def deco(fn):
        def wrapper():
            return "<%s>%s</%s>" % (name, fn(), name)
        return wrapper
    return deco

def exclaim(fn):
    def wrapper():
        return fn() + "!"
    return wrapper

@tag("b")
@exclaim
@tag("i")
def text():
    return "hi"

print(text())
