# feature: language.functions.defaults
# A non-default parameter may not follow a default one (except keyword-only ones).
for src in ("def f(a=1, b): pass",
            "def f(a=1, *, b): pass",
            "def f(a, b=1, *c, d, e=2): pass",
            "g = lambda a=1, b: 0"):
    try:
        exec(src)
        print("ok")
    except SyntaxError:
        print("SyntaxError")
