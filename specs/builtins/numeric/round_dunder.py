# feature: builtins.numeric.round
# round() of a user object calls its __round__, passing ndigits when given.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __round__(self, n=None):
        return ("round", self.cents, n)
print(round(Money(199)))
print(round(Money(199), 1))
try:
    round("1.5")
except TypeError:
    print("TypeError")
