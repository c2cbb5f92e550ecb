# feature: language.generators.yield
# A generator function runs lazily, pausing at each yield.
log = []
def gen():
    log.append("start")
    yield 1
    log.append("mid")
    yield 2
    log.append("end")
g = gen()
print(log, type(g))
print(next(g), log)
print(next(g), log)
try:
    next(g)
except StopIteration:
    print("StopIteration", log)
print(list(gen()), list(g))
