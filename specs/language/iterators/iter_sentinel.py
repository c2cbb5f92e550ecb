# feature: language.iterators.iter_next
# iter(callable, sentinel) calls until the sentinel value is returned.
values = [3, 1, 4, 0, 5, 9]
pos = [0]

def read():
    v = values[pos[0]]
    pos[0] += 1
    return v

try:
    print(list(iter(read, 0)))
    print(pos[0])
    print(list(iter(read, 9)))
except TypeError:
    print("TypeError")
