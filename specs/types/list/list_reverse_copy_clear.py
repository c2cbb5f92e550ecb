# feature: types.list.methods
# reverse() works in place and returns None; copy() is shallow; clear() empties.
a = [1, [2], 3]
print(a.reverse(), a)
b = a.copy()
b.append(4)
b[1].append("shared")
print(a, b, a[1] is b[1])
alias = a
a.clear()
print(a, alias, b)
