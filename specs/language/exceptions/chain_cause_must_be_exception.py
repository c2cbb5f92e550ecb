# feature: language.exceptions.chaining
# The `from` operand must be an exception class, instance or None.
try:
    raise ValueError("v") from 123
except TypeError:
    print("TypeError")
except ValueError:
    print("ValueError")
try:
    raise ValueError("v") from KeyError
except ValueError as e:
    print("ValueError", e.args)
    c = getattr(e, "__cause__", "unsupported")
    print(c if isinstance(c, str) else type(c).__name__)
