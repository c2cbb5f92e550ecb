# feature: language.iterators.iter_next
# StopIteration can carry a value in args and .value.
e = StopIteration(42)
print(e.value, e.args)
print(StopIteration().value)

class Once:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration("finished")

try:
    next(Once())
except StopIteration as s:
    print(s.value, s.args)
print(list(Once()))
