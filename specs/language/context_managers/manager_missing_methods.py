# feature: language.context_managers.protocol
# An object lacking __enter__ or __exit__ cannot be used in a with statement.
class OnlyExit:
    def __exit__(self, *a):
        pass

class OnlyEnter:
    def __enter__(self):
        return self

for cls in (OnlyExit, OnlyEnter, int):
    try:
        with cls():
            print("body ran")
    except (AttributeError, TypeError):
        print(cls.__name__, "rejected")
