# feature: language.classes.staticmethod
# tags: core
# A staticmethod receives no implicit first argument from class or instance.
class MathUtil:
    @staticmethod
    def add(a, b):
        return a + b

    @staticmethod
    def nothing():
        return "none"

print(MathUtil.add(2, 3))
print(MathUtil().add(4, 5))
print(MathUtil.nothing(), MathUtil().nothing())
try:
    MathUtil().add(1)
except TypeError:
    print("TypeError")
