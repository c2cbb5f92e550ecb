# feature: language.functions.keyword_only
# Keyword-only parameters may have defaults in any order.
def f(*, a=1, b, c=3, d):
    return a, b, c, d
print(f(b=2, d=4))
print(f(d=0, c=0, b=0, a=0))
try:
    f(b=1)
except TypeError:
    print("TypeError")
def g(x, *, y=lambda: "dflt"):
    return x, y()
print(g(1), g(1, y=lambda: "custom"))
