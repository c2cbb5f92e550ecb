# feature: types.str.format
# Bad format strings and arguments raise ValueError, IndexError or KeyError.
def attempt(label, f):
    try:
        print(label, f())
    except (ValueError, IndexError, KeyError) as e:
        print(label, type(e))
attempt("missing positional", lambda: "{} {}".format(1))
attempt("missing name", lambda: "{x}".format(y=1))
attempt("mixed numbering", lambda: "{0} {}".format(1, 2))
attempt("bad code", lambda: "{:s}".format(5))
attempt("stray brace", lambda: "a } b".format())
attempt("unclosed", lambda: "{".format())
