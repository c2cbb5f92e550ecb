# feature: builtins.aggregate.min_max
# min()/max() consume a generator fully, calling key once per item.
calls = []
def key(x):
    calls.append(x)
    return x % 4
print(max((n * 3 for n in range(6)), key=key))
print(calls)
print(min(c for c in "zebra" if c != "a"))
