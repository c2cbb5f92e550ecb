# feature: language.functions.keyword_only
# Parameters after * or *args must be passed by keyword.
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, c=0, b=2))
for call in (lambda: f(1, 2), lambda: f(1), lambda: f(1, 2, b=3)):
    try:
        call()
    except TypeError:
        print("TypeError")
def g(*args, key):
    return args, key
print(g(1, 2, key=3))
