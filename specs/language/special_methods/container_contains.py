# feature: language.special_methods.container
# `in` uses __contains__; its result is converted to bool.
class Evens:
    def __contains__(self, x):
        return x % 2 == 0

class Counted:
    def __contains__(self, x):
        return x

e = Evens()
print(4 in e, 7 in e, 7 not in e)
c = Counted()
print(3 in c, 0 in c, "" in c, "a" in c)
