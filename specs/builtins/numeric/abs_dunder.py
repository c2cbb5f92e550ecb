# feature: builtins.numeric.abs_divmod
# abs() delegates to __abs__, whatever it returns.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __abs__(self):
        return self.x * self.x + self.y * self.y
class Weird:
    def __abs__(self):
        return "absolute"
print(abs(Vec(3, -4)))
print(abs(Weird()))
class Nothing:
    pass
try:
    abs(Nothing())
except TypeError:
    print("TypeError")
