# feature: language.exceptions.chaining
# An exception raised in finally replaces the active one, which becomes its __context__.
try:
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")
except Exception as e:
    print(type(e).__name__, e.args)
    ctx = getattr(e, "__context__", "unsupported")
    print(ctx if isinstance(ctx, str) else type(ctx).__name__)
