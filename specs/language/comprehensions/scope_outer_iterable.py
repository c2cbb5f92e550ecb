# feature: language.comprehensions.scoping
# The first iterable is evaluated in the enclosing scope, so it may use the same name.
x = [1, 2, 3]
print([x for x in x])
print(x)
def f(data):
    return [data * 2 for data in data]
print(f("ab"))
