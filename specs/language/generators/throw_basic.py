# feature: language.generators.send_throw_close
# throw() raises inside the generator at the paused yield.
def g():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            yield "handled %s" % e.args[0]
it = g()
print(next(it))
print(it.throw(ValueError("v1")))
print(next(it))
try:
    it.throw(KeyError("k"))
except KeyError:
    print("KeyError propagated")
try:
    next(it)
except StopIteration:
    print("StopIteration")
