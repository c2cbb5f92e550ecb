# feature: language.unpacking.calls
# Keyword arguments may appear before *args in a call; positionals still come first.
def f(a, b, c=0, d=0):
    return a, b, c, d
for src in ("f(c=3, *(1, 2))", "f(1, *[2], d=4)", "f(*[1], *[2], **{'d': 9})",
            "f(b=1, *(1, 2))"):
    try:
        print(eval(src))
    except SyntaxError:
        print("SyntaxError")
    except TypeError:
        print("TypeError")
