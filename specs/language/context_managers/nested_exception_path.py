# feature: language.context_managers.nested
# An exception in the body passes through every __exit__, innermost first.
log = []

class M:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        log.append(self.n + ":" + exc.args[0])

try:
    with M("a"), M("b"):
        with M("c"):
            raise ValueError("boom")
except ValueError:
    log.append("caught")
print(log)
