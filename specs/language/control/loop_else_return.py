# feature: language.control.loop_else
# return or an exception inside the loop skip the else clause.
def f(seq):
    for x in seq:
        if x < 0:
            return "ret"
    else:
        return "else"
print(f([1, 2]), f([1, -1]))
try:
    for x in [1, 0]:
        1 // x
    else:
        print("not printed")
except ZeroDivisionError:
    print("ZeroDivisionError skipped else")
