# feature: language.operators.boolean
# Precedence: not binds tighter than and, and tighter than or.
print(not 1 == 2, (not 1) == 2)
print(True or False and False, (True or False) and False)
print(not True and False, not (True and False))
print(False or not False, 1 if not 0 or 0 else 2)
a, b, c = 1, 0, 2
print(a or b and c, (a or b) and c, not a and not b or c)
