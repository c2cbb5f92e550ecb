# feature: language.exceptions.try_except
# raise accepts a class (instantiated with no args) or an instance; other objects give TypeError.
for thing in (ValueError, ValueError("given"), 42, "text"):
    try:
        raise thing
    except ValueError as e:
        print("ValueError", e.args)
    except TypeError:
        print("TypeError for", type(thing).__name__)
