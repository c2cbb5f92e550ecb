# feature: language.exceptions.chaining
# `raise X from None` suppresses the context but the handled exception is still caught.
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise LookupError("not a number: " + s) from None

try:
    parse("zz")
except LookupError as e:
    print("caught", e.args)
    try:
        print(e.__cause__, e.__suppress_context__)
        print(type(e.__context__).__name__)
    except AttributeError:
        print("no chaining attributes")
print(parse("12"))
