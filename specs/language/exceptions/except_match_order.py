# feature: language.exceptions.try_except
# tags: core
# The first matching except clause runs; base classes catch subclasses.
def classify(exc):
    try:
        raise exc
    except ZeroDivisionError:
        return "zero"
    except ArithmeticError:
        return "arith"
    except (KeyError, IndexError):
        return "lookup"
    except Exception:
        return "other"

for e in (ZeroDivisionError(), OverflowError(), KeyError(), IndexError(), ValueError()):
    print(type(e).__name__, classify(e))
