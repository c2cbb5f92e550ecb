# feature: language.exceptions.chaining
# `raise X from Y` sets X.__cause__ to Y and __suppress_context__ to True.
def load():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("bad config") from e

try:
    load()
except ValueError as e:
    print("caught", type(e).__name__, e.args)
    try:
        print("cause", type(e.__cause__).__name__, e.__cause__.args)
        print("suppress", e.__suppress_context__)
    except AttributeError:
        print("no __cause__")
