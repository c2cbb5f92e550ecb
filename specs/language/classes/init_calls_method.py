# feature: language.classes.init
# __init__ can call other methods and build derived state; each instance is separate.
class Stack:
    def __init__(self, items=None):
        self.items = []
        for it in items or ():
            self.push(it)

    def push(self, v):
        self.items.append(v)

    def size(self):
        return len(self.items)

s = Stack([1, 2, 3])
t = Stack()
t.push("a")
print(s.items, s.size())
print(t.items, t.size())
s.__init__([9])
print(s.items)
