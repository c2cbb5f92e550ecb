# feature: language.bigint.arithmetic
# True division of big ints gives a correctly rounded float or OverflowError.
print(2 ** 100 / 2 ** 98, (10 ** 30) / (10 ** 28))
print((3 * 10 ** 40) / (10 ** 40), 1 / 2 ** 60 > 0)
try:
    print(2 ** 2000 / 3)
except OverflowError:
    print("OverflowError")
try:
    print(float(2 ** 1100))
except OverflowError:
    print("OverflowError")
