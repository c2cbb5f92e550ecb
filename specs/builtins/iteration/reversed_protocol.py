# feature: builtins.iteration.reversed
# Without __reversed__, reversed() uses __len__ and __getitem__.
class Letters:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "xyz"[i]
print(list(reversed(Letters())))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
