# feature: language.closures.global
# global lets a function rebind and create module-level names.
count = 0
def bump():
    global count
    count += 1
def create():
    global made_here
    made_here = "created"
bump(); bump()
print(count)
create()
print(made_here)
def reader():
    return count * 10
print(reader())
