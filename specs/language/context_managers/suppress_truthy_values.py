# feature: language.context_managers.suppress
# Any truthy object from __exit__ suppresses; None and other falsy values do not.
class Ret:
    def __init__(self, val):
        self.val = val

    def __enter__(self):
        return self

    def __exit__(self, *a):
        return self.val

for v in (1, "yes", [0], None, 0, ""):
    try:
        with Ret(v):
            raise RuntimeError
        print(repr(v), "suppressed")
    except RuntimeError:
        print(repr(v), "raised")
