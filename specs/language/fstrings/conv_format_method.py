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
for f in (lambda: f"{t}", lambda: f"{t:xyz}", lambda: f"{t!s}", lambda: f"{t!r:>3}"):
    try:
        print(f())
    except ValueError:
        print("ValueError")
