# feature: language.context_managers.suppress
# An exception raised inside __exit__ replaces the one from the body.
class Convert:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is ZeroDivisionError:
            raise ArithmeticError("converted")
        return False

try:
    with Convert():
        1 // 0
except ArithmeticError as e:
    print(type(e).__name__, e.args)
