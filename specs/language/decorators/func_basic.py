# feature: language.decorators.function
# tags: core
# @dec is applied at definition time and rebinds the name to dec's result.
applied = []

def shout(fn):
    applied.append(fn.__name__)

    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    return wrapper

print(applied)

@shout
def greet(name, punct="!"):
    return "hello " + name + punct

print(applied)
print(greet("ann"), greet("bo", punct="?"))
