# feature: builtins.sorted.key
# key= maps each item to the value compared; it is called once per item.
words = ["Banana", "apple", "cherry", "Date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
calls = []
def k(x):
    calls.append(x)
    return -x
print(sorted([1, 3, 2], key=k), len(calls))
print(sorted([(1, "b"), (0, "z"), (1, "a")], key=lambda t: t[1]))
