# feature: language.exceptions.else_finally
# An exception raised in the else block is not handled by that try's except clauses.
def f():
    try:
        pass
    except ValueError:
        return "try handler"
    else:
        raise ValueError("from else")

try:
    print(f())
except ValueError as e:
    print("outer", e.args)
