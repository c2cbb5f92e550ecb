# feature: language.exceptions.try_except
# `except E as name` binds the exception; the name is unbound after the handler.
try:
    int("abc")
except ValueError as err:
    print(type(err).__name__, isinstance(err, Exception))
    saved = err
try:
    err
except NameError:
    print("NameError")
print(type(saved).__name__)
err = "preset"
try:
    {}["k"]
except KeyError as err:
    pass
print("err" in globals())
