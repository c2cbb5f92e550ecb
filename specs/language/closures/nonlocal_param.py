# feature: language.closures.nonlocal
# nonlocal can rebind an enclosing function's parameter and a loop variable.
def run(total):
    def add(v):
        nonlocal total
        total = total + v
    for i in range(4):
        add(i)
    return total
print(run(100))
def last():
    i = None
    def grab():
        nonlocal i
        i = "grabbed"
    for i in range(3):
        pass
    before = i
    grab()
    return before, i
print(last())
