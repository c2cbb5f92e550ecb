# feature: language.generators.send_throw_close
# throw() into a not-yet-started generator raises immediately without running the body.
ran = []
def g():
    ran.append(1)
    try:
        yield 1
    except ValueError:
        yield "caught"
it = g()
try:
    it.throw(ValueError)
except ValueError:
    print("ValueError", ran)
try:
    next(it)
except StopIteration:
    print("StopIteration")
