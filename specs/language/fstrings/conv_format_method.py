# feature: language.fstrings.conversions
# f-strings call __format__ with the spec; !s and !r bypass the object's __format__.
class T:
    def __format__(self, spec):
        return "fmt<" + spec + ">"
    def __str__(self):
        return "S"
    def __repr__(self):
        return "R"
t = T()
print(f"{t}|{t:xyz}|{t!s}|{t!r:>3}|")
print(format(t, "q"), str(t))
