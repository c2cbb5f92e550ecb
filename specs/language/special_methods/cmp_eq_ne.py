# feature: language.special_methods.comparison
# tags: core
# __eq__ defines ==; != is derived from __eq__ when __ne__ is absent.
class Card:
    def __init__(self, rank):
        self.rank = rank

    def __eq__(self, other):
        return isinstance(other, Card) and self.rank == other.rank

a, b, c = Card(5), Card(5), Card(9)
print(a == b, a == c, a != b, a != c)
print(a == 5, a != 5)
print(a in [c, b], a is b)
print([c, b].index(a))
