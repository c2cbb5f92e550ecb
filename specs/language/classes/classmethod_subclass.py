# feature: language.classes.classmethod
# In a subclass, cls is the subclass, making alternative constructors work.
class Date:
    def __init__(self, y, m, d):
        self.ymd = (y, m, d)

    @classmethod
    def parse(cls, s):
        y, m, d = s.split("-")
        return cls(int(y), int(m), int(d))

class MyDate(Date):
    pass

a = Date.parse("2024-01-31")
b = MyDate.parse("1999-12-01")
print(type(a) is Date, a.ymd)
print(type(b) is MyDate, b.ymd)
c = b.parse("2000-02-02")
print(type(c) is MyDate, c.ymd)
