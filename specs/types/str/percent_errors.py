# feature: types.str.percent
# Mismatched arguments or bad conversions raise TypeError/ValueError.
def attempt(label, f):
    try:
        print(label, f())
    except (TypeError, ValueError) as e:
        print(label, type(e))
attempt("too few", lambda: "%d %d" % (1,))
attempt("too many", lambda: "%d" % (1, 2))
attempt("str for %d", lambda: "%d" % "x")
attempt("bad spec", lambda: "%y" % 1)
attempt("incomplete", lambda: "abc %" % ())
