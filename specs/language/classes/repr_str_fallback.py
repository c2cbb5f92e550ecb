# feature: language.classes.repr_str
# Without __str__, str() falls back to __repr__; not the other way round.
class OnlyRepr:
    def __repr__(self):
        return "<R>"

class OnlyStr:
    def __str__(self):
        return "S"

print(str(OnlyRepr()), repr(OnlyRepr()))
print("%s|%r" % (OnlyRepr(), OnlyRepr()))
print(str(OnlyStr()))
r = repr(OnlyStr())
print(r.startswith("<") and "OnlyStr" in r)
print(r != "S")
print("S" not in str([OnlyStr()]))
