# feature: language.context_managers.protocol
# tags: core
# __enter__ runs before the body and its result is bound by `as`; __exit__ runs after.
log = []

class Res:
    def __enter__(self):
        log.append("enter")
        return "handle"

    def __exit__(self, exc_type, exc, tb):
        log.append("exit %r %r" % (exc_type, exc))
        return False

with Res() as h:
    log.append("body " + h)
print(log)
