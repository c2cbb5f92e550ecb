# feature: language.exceptions.try_except
# An exception not matched by any handler propagates out through callers.
def inner():
    try:
        raise KeyError("deep")
    except ValueError:
        print("wrong handler")

def middle():
    inner()
    print("not reached")

try:
    middle()
except LookupError as e:
    print("outer caught", type(e).__name__, e.args)
