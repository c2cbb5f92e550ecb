# feature: builtins.iteration.reversed
# reversed() walks lists, tuples, strings, bytes and ranges backwards.
print(list(reversed([1, 2, 3])))
print(list(reversed((4, 5))))
print("".join(reversed("stressed")))
print(list(reversed(b"ab")))
print(list(reversed(range(1, 10, 3))), list(reversed(range(5, 0, -2))))
print(list(reversed([])))
