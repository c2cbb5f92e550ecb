# feature: builtins.attrs.getattr_family
# Attribute names must be strings; built-in instances reject new attributes.
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e))
attempt("getattr int name", lambda: getattr(object(), 5))
attempt("hasattr int name", lambda: hasattr(object(), 5))
attempt("setattr on int", lambda: setattr(5, "x", 1))
attempt("setattr on list", lambda: setattr([], "x", 1))
attempt("delattr on str", lambda: delattr("s", "upper"))
