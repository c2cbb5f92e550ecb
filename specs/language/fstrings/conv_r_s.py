# feature: language.fstrings.conversions
# !r and !s conversions apply repr() and str() before formatting.
s = "it's"
print(f"{s} {s!s} {s!r}")
print(f"{'a'!r:>6}|{3!r}|{None!s}|")
class P:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "repr-form"
p = P()
print(f"{p} {p!s} {p!r} {[p]}")
