# feature: language.special_methods.container
# Slice syntax passes a slice object to __getitem__.
class Probe:
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ("slice", k.start, k.stop, k.step)
        return ("index", k)

p = Probe()
print(p[3])
print(p[1:4])
print(p[::2])
print(p[:-1:])
print(p[-1])
