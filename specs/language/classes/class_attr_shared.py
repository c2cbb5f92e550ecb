# feature: language.classes.attributes
# tags: core
# A class attribute is shared by all instances until an instance shadows it.
class Counter:
    total = 0
    names = []

a = Counter()
b = Counter()
print(a.total, b.total, Counter.total)
Counter.total = 5
print(a.total, b.total)
a.total = 9
print(a.total, b.total, Counter.total)
a.names.append("x")
print(b.names, Counter.names)
del a.total
print(a.total)
