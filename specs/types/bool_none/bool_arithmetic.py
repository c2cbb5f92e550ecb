# feature: types.bool_none.singletons
# True and False behave as 1 and 0 in arithmetic; & | ^ between bools give bools.
print(True + True, True * 3, False - 1, True / 2, -True, ~True)
print(True & False, True | False, True ^ True, False ^ True)
print(type(True & True), type(True + 0))
print(str(True), repr(False), int(True), float(False), True == 1.0)
