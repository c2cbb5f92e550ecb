# feature: language.exceptions.chaining
# Raising inside an except block sets __context__ to the exception being handled.
try:
    try:
        1 // 0
    except ZeroDivisionError:
        raise KeyError("second")
except KeyError as e:
    print("caught", type(e).__name__)
    try:
        print("context", type(e.__context__).__name__)
        print("cause", e.__cause__)
        print("suppress", e.__suppress_context__)
    except AttributeError:
        print("no __context__")
