# feature: language.special_methods.bool
# tags: core
# __bool__ decides truthiness in if, while, not, and/or and bool().
class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on

t, f = Flag(True), Flag(False)
print(bool(t), bool(f), not t, not f)
print("yes" if t else "no", "yes" if f else "no")
print((f or "fallback"), (t and "second"))
print((f and "x") is f, (t or "x") is t)
n = 0
w = Flag(True)
while w:
    n += 1
    if n == 3:
        w.on = False
print(n)
