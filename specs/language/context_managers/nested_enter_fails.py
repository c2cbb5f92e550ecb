# feature: language.context_managers.nested
# If a later __enter__ fails, only the managers already entered are exited.
log = []

class M:
    def __init__(self, n, fail=False):
        self.n, self.fail = n, fail

    def __enter__(self):
        if self.fail:
            raise RuntimeError(self.n)
        log.append("enter " + self.n)

    def __exit__(self, *a):
        log.append("exit %s %s" % (self.n, a[0].__name__ if a[0] else None))

try:
    with M("one"), M("two", True), M("three"):
        log.append("body")
except RuntimeError as e:
    log.append("caught " + e.args[0])
print(log)
