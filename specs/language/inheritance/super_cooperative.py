# feature: language.inheritance.super
# In a diamond, cooperative super() calls visit each class once in MRO order.
log = []

class Root:
    def setup(self):
        log.append("Root")

class A(Root):
    def setup(self):
        log.append("A")
        super().setup()

class B(Root):
    def setup(self):
        log.append("B")
        super().setup()

class D(A, B):
    def setup(self):
        log.append("D")
        super().setup()

D().setup()
print(log)
