# feature: builtins.introspection.isinstance
# A non-type second argument, or a non-class first argument to issubclass(),
# raises TypeError.
def attempt(label, f):
    try:
        print(label, f())
    except TypeError:
        print(label, "TypeError")
attempt("isinstance(1, 1)", lambda: isinstance(1, 1))
attempt("isinstance(1, (int, 'x'))", lambda: isinstance(1, (int, "x")))
attempt("isinstance(1, ('x', int))", lambda: isinstance(1, ("x", int)))
attempt("issubclass(1, int)", lambda: issubclass(1, int))
attempt("issubclass(int, [int])", lambda: issubclass(int, [int]))
