# feature: language.exceptions.reraise
# A bare raise with no active exception raises RuntimeError.
def f():
    raise

try:
    f()
except RuntimeError:
    print("RuntimeError")
try:
    try:
        raise ValueError
    except ValueError:
        pass
    raise
except RuntimeError:
    print("RuntimeError after handled")
