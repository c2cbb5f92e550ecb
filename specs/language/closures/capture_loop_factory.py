# feature: language.closures.capture
# A factory function gives each closure its own cell.
def make(i):
    return lambda: i * i
fs = [make(i) for i in range(4)]
print([f() for f in fs])
def make_acc():
    total = [0]
    def acc(x):
        total[0] += x
        return total[0]
    return acc
a, b = make_acc(), make_acc()
print(a(1), a(2), b(10), a(3), b(1))
