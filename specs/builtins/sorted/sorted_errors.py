# feature: builtins.sorted.key
# Mixed incomparable items raise TypeError; key must be passed by keyword.
def attempt(label, f):
    try:
        print(label, f())
    except TypeError:
        print(label, "TypeError")
attempt("mixed", lambda: sorted([1, "a", 2]))
attempt("none", lambda: sorted([None, None, 1]))
attempt("positional key", lambda: sorted([2, 1], len))
attempt("key raises", lambda: sorted(["a", 1], key=len))
attempt("same type ok", lambda: sorted([None]))
