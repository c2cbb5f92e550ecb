# feature: language.context_managers.nested
# An inner manager that suppresses hides the exception from the outer one.
log = []

class M:
    def __init__(self, n, suppress):
        self.n, self.suppress = n, suppress

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        log.append((self.n, exc_type.__name__ if exc_type else None))
        return self.suppress

with M("outer", False):
    with M("inner", True):
        raise KeyError
    log.append("after inner")
print(log)
