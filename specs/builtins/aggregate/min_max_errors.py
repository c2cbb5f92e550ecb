# feature: builtins.aggregate.min_max
# Bad calls: no arguments, a lone non-iterable, default with several
# positional arguments, and incomparable items.
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e))
attempt("min()", lambda: min())
attempt("max(5)", lambda: max(5))
attempt("min(1,2,default=0)", lambda: min(1, 2, default=0))
attempt("max(1,'a')", lambda: max(1, "a"))
attempt("min([None,1])", lambda: min([None, 1]))
