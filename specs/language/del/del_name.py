# feature: language.del.names
# tags: core
# del removes a name binding; using it afterwards raises NameError.
x = 10
y = x
del x
try:
    print(x)
except NameError:
    print("NameError")
print(y)
x = 5
print(x)
