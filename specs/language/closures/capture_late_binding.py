# feature: language.closures.capture
# Closures see the current value of a captured variable, not the value at creation time.
def f():
    fs = []
    for i in range(3):
        def g():
            return i
        fs.append(g)
    i = 99
    return [h() for h in fs]
print(f())
def counter_view():
    n = 0
    def view():
        return n
    n = 5
    r1 = view()
    n = 6
    return r1, view()
print(counter_view())
