# feature: builtins.iteration.map_filter
# map() is lazy: the function runs only when an item is requested, and the
# iterator is exhausted after one pass.
def loud(x):
    print("call", x)
    return -x
m = map(loud, [1, 2, 3])
print("nothing called yet")
print(next(m))
print(list(m))
print(list(m))
