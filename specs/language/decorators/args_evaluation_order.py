# feature: language.decorators.with_args
# Decorator expressions are evaluated top-down, then applied bottom-up.
log = []

def make(name):
    log.append("make " + name)

    def deco(fn):
        log.append("apply " + name)
        return fn
    return deco

@make("outer")
@make("inner")
def f():
    pass

print(log)
