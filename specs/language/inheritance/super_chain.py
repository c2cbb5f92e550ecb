# feature: language.inheritance.super
# super() chains through several levels of single inheritance.
class L1:
    def path(self):
        return ["L1"]

class L2(L1):
    def path(self):
        return super().path() + ["L2"]

class L3(L2):
    pass

class L4(L3):
    def path(self):
        return super().path() + ["L4"]

print(L4().path())
print(L3().path())
