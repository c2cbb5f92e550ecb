# feature: language.exceptions.finally_control
# An exception raised in finally replaces the original one.
def f():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("replacement")

try:
    f()
except ValueError:
    print("got ValueError")
except KeyError as e:
    print("got KeyError", e.args)
