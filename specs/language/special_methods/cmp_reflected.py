# feature: language.special_methods.comparison
# With only __lt__ defined, a > b is answered by the swapped b.__lt__(a).
class Weight:
    def __init__(self, g):
        self.g = g

    def __lt__(self, o):
        return self.g < o.g

light, heavy = Weight(1), Weight(9)
print(light < heavy)
for a, b in ((heavy, light), (light, heavy)):
    try:
        print(a > b)
    except TypeError:
        print("TypeError")
