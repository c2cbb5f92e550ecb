# feature: language.context_managers.protocol
# On an exception __exit__ receives the type and value; returning False re-raises it.
class Watch:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.got = (exc_type.__name__, exc.args)
        return False

w = Watch()
try:
    with w:
        raise ValueError("in body")
    print("not reached")
except ValueError as e:
    print("propagated", e.args)
print(w.got)
