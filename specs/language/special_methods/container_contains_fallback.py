# feature: language.special_methods.container
# Without __contains__, `in` iterates using __iter__ or old-style __getitem__.
class ByIter:
    def __iter__(self):
        return iter([1, 2, 3])

class ByIndex:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError(i)
        return i * i

print(2 in ByIter(), 9 in ByIter())
print(16 in ByIndex(), 5 in ByIndex())
print(list(ByIndex()))
try:
    1 in object()
except TypeError:
    print("TypeError")
