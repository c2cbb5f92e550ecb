# feature: types.set.operations
# |= &= -= ^= update a set in place (the same object).
s = {1, 2, 3}
alias = s
s |= {4}
s &= {1, 2, 4, 9}
s -= {1}
s ^= {2, 7}
print(sorted(s), s is alias)
