# feature: language.functions.keyword_only
# A bare * must be followed by at least one named parameter.
for src in ("def f(*): pass", "def f(a, *): pass", "def f(*, **k): pass",
            "def f(*, a): pass", "lambda *, k: k"):
    try:
        exec(src)
        print("ok")
    except SyntaxError:
        print("SyntaxError")
h = lambda *, k=5: k * 2
print(h(), h(k=1))
