# feature: language.inheritance.single
# Built-in types can be subclassed and extended with methods.
class MyList(list):
    def total(self):
        return sum(self)

class Name(str):
    def shout(self):
        return self.upper() + "!"

m = MyList([1, 2, 3])
m.append(4)
print(m.total(), len(m), isinstance(m, list))
n = Name("bob")
print(n.shout(), n == "bob", len(n))
class MyDict(dict):
    def keys_sorted(self):
        return sorted(self)
d = MyDict(b=1, a=2)
print(d.keys_sorted(), d["a"], isinstance(d, dict))
