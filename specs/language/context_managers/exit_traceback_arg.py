# feature: language.context_managers.protocol
# The third __exit__ argument is the traceback object (None when nothing was raised).
class Tb:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        print(exc_type is None, tb is None)
        return True

with Tb():
    pass
with Tb():
    raise KeyError
