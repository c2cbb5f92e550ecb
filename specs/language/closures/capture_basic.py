# feature: language.closures.capture
# Inner functions capture variables from the enclosing function's scope.
def make_mul(n):
    def mul(x):
        return x * n
    return mul
double, triple = make_mul(2), make_mul(3)
print(double(5), triple(5), double(triple(1)))
def outer():
    a = 1
    def mid():
        def inner():
            return a + 100
        return inner
    return mid()()
print(outer())
