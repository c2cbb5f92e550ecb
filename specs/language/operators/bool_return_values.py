# feature: language.operators.boolean
# and/or return one of their operands, not necessarily a bool.
print(0 or 5, 3 or 5, 0 and 5, 3 and 5)
print("" or "default", [] or {} or 0, None and 1)
print(1 and 2 and 3, 1 and 0 and 3, 0 or "" or None)
print(not 0, not [], not [0], not "x", not None)
print(type(not 1), (1 and True) is True)
