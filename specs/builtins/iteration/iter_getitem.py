# feature: builtins.iteration.iter_next
# Objects with only __getitem__ are iterable: indexes 0, 1, ... until IndexError.
class Squares:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(Squares()))
it = iter(Squares())
print(next(it), next(it))
print(9 in Squares(), 5 in Squares())
