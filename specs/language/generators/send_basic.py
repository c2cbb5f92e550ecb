# feature: language.generators.send_throw_close
# send() resumes the generator and becomes the value of the yield expression.
def echo():
    out = None
    while True:
        got = yield out
        out = "got %r" % (got,)
g = echo()
print(g.send(None))
print(g.send(1))
print(g.send("x"))
print(next(g))
g2 = echo()
try:
    g2.send(5)
except TypeError:
    print("TypeError")
