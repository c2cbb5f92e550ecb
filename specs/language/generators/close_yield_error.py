# feature: language.generators.send_throw_close
# A generator that yields in response to close() raises RuntimeError.
def stubborn():
    n = 0
    while n < 2:
        try:
            yield n
        except GeneratorExit:
            n += 1
it = stubborn()
next(it)
try:
    it.close()
    print("closed")
except RuntimeError:
    print("RuntimeError")
it.close()
print("second close ok")
def quiet():
    try:
        yield 1
    except GeneratorExit:
        return "ignored"
q = quiet()
next(q)
q.close()
print("quiet closed")
