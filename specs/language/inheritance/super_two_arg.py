# feature: language.inheritance.super
# The explicit form super(Class, self) works like the zero-argument form.
class A:
    def f(self):
        return "A"

class B(A):
    def f(self):
        return "B" + super(B, self).f()

class C(B):
    def f(self):
        return "C" + super(C, self).f()

    def skip(self):
        return super(B, self).f()

print(C().f())
print(C().skip())
