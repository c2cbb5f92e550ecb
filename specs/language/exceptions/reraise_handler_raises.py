# feature: language.exceptions.reraise
# An exception raised in a handler is not caught by sibling handlers of the same try.
def f():
    try:
        raise ValueError
    except ValueError:
        raise KeyError("from handler")
    except KeyError:
        return "sibling caught"

try:
    print(f())
except KeyError as e:
    print("outer caught", e.args)
