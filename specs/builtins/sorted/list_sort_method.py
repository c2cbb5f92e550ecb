# feature: builtins.sorted.key
# list.sort() sorts in place with the same key/reverse rules and returns None.
a = [5, 2, 9, 1]
print(a.sort(), a)
a.sort(reverse=True)
print(a)
names = ["Zed", "amy", "Bob"]
names.sort(key=str.lower)
print(names)
names.sort(key=len, reverse=True)
print(names)
