# feature: language.operators.comparison
# Chained comparisons evaluate each operand at most once and stop early.
log = []
def v(n):
    log.append(n)
    return n
print(v(1) < v(2) < v(3), log)
log.clear()
print(v(3) < v(2) < v(1), log)
log.clear()
print(v(1) < v(5) > v(2) != v(2), log)
print(1 < 2 == 2 > 1 <= 1, 1 == 1.0 == True)
print(3 > 2 > 1 > 0 > -1)
