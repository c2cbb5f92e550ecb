# feature: builtins.iteration.reversed
# reversed() calls __reversed__ when a class defines it.
class Deck:
    def __init__(self):
        self.cards = ["A", "K", "Q"]
    def __iter__(self):
        return iter(self.cards)
    def __reversed__(self):
        return iter(["reversed:" + c for c in self.cards[::-1]])
print(list(Deck()))
print(list(reversed(Deck())))
