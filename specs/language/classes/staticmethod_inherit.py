# feature: language.classes.staticmethod
# staticmethods are inherited and can be called from other methods via self or the class.
class Conv:
    @staticmethod
    def c2f(c):
        return c * 9 // 5 + 32

    def show(self, c):
        return self.c2f(c), Conv.c2f(c), type(self).c2f(c)

class Sub(Conv):
    @staticmethod
    def c2f(c):
        return -1

print(Conv().show(100))
print(Sub().show(100))
print(Sub.c2f(0), Conv.c2f(0))
