# feature: language.iterators.protocol
# An iterable returns a fresh iterator from each __iter__, so it can be looped twice.
class Team:
    def __init__(self, *names):
        self.names = names

    def __iter__(self):
        return TeamIter(self.names)

class TeamIter:
    def __init__(self, names):
        self.names, self.i = names, 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i == len(self.names):
            raise StopIteration
        self.i += 1
        return self.names[self.i - 1]

t = Team("a", "b", "c")
print(list(t), list(t))
print([(x, y) for x in t for y in t if x < y])
it = iter(t)
print(next(it), list(it), list(it))
