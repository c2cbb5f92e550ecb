# feature: builtins.range.object
# range() needs ints: a zero step raises ValueError, floats raise TypeError.
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e))
attempt("step 0", lambda: range(1, 5, 0))
attempt("float stop", lambda: range(1.5))
attempt("str start", lambda: range("1", 3))
attempt("no args", lambda: range())
attempt("assign", lambda: range(3).__setitem__(0, 1))
