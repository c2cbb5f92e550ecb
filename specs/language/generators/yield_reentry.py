# feature: language.generators.yield
# A generator that is already executing cannot be resumed from inside itself.
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError:
    print("ValueError")
print("done")
