# feature: language.context_managers.suppress
# tags: core
# A truthy return from __exit__ suppresses the exception; execution continues after with.
class Ignore:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        return exc_type is not None and issubclass(exc_type, self.types)

with Ignore(KeyError, IndexError):
    {}["x"]
    print("not reached")
print("after first")
try:
    with Ignore(KeyError):
        int("z")
except ValueError:
    print("ValueError not suppressed")
