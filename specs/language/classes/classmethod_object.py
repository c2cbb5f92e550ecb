# feature: language.classes.classmethod
# classmethod() can be applied without decorator syntax; the bound method still passes the class.
class K:
    prefix = "K"

    def who(cls, x):
        return cls.prefix + str(x)
    who = classmethod(who)

print(K.who(1))
print(K().who(2))
m = K.who
print(m(3))
print(type(K.__dict__["who"]).__name__)
