# feature: language.classes.property
# property(fget, fset, fdel) built without decorators.
class Knob:
    def __init__(self):
        self._v = 1

    def _get(self):
        return self._v

    def _set(self, v):
        self._v = max(0, min(10, v))

    def _del(self):
        self._v = 0

    value = property(_get, _set, _del)

k = Knob()
k.value = 42
print(k.value)
k.value = -3
print(k.value)
k.value = 7
del k.value
print(k.value)
