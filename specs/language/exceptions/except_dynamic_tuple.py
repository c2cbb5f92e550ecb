# feature: language.exceptions.try_except
# The except expression is evaluated at runtime and may be a variable or tuple.
handled = (TypeError, ValueError)
others = ()

def attempt(f):
    try:
        f()
        return "ok"
    except handled as e:
        return "handled " + type(e).__name__
    except others:
        return "never"
    except BaseException as e:
        return "fallback " + type(e).__name__

print(attempt(lambda: int("x")))
print(attempt(lambda: len(5)))
print(attempt(lambda: [][1]))
print(attempt(lambda: None))
