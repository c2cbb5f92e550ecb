# feature: language.classes.init
# tags: core
# __init__ receives constructor arguments, including defaults and keywords.
class Account:
    def __init__(self, owner, balance=0, *tags, **opts):
        self.owner = owner
        self.balance = balance
        self.tags = tags
        self.opts = sorted(opts.items())

a = Account("ann")
print(a.owner, a.balance, a.tags, a.opts)
b = Account("bob", 50, "x", "y", limit=3, vip=True)
print(b.owner, b.balance, b.tags, b.opts)
c = Account(balance=7, owner="cy")
print(c.owner, c.balance)
try:
    Account()
except TypeError:
    print("TypeError")
