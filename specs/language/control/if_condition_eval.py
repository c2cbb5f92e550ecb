# feature: language.control.if_elif
# elif conditions are evaluated lazily, only until one is true.
seen = []
def c(name, val):
    seen.append(name)
    return val
if c("a", 0):
    pass
elif c("b", ""):
    pass
elif c("c", [1]):
    print("c branch")
elif c("d", 1):
    print("d branch")
print(seen)
