# feature: language.functions.defaults
# Default parameter values are used when arguments are omitted.
def f(a, b=2, c="x"):
    return (a, b, c)
print(f(1), f(1, 3), f(1, 3, "y"), f(1, c="z"))
try:
    f()
except TypeError:
    print("TypeError missing")
try:
    f(1, 2, 3, 4)
except TypeError:
    print("TypeError too many")
