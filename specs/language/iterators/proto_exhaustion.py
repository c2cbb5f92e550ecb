# feature: language.iterators.protocol
# An exhausted iterator keeps raising StopIteration; a new iter() starts afresh on a list.
data = [1, 2]
it = iter(data)
print(next(it), next(it))
for _ in range(2):
    try:
        next(it)
    except StopIteration:
        print("StopIteration")
print(list(it))
print(list(iter(data)))
print(iter(it) is it)
