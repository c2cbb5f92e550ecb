# feature: language.context_managers.suppress
# After suppression, the `as` variable and body assignments made before the error remain.
class Swallow:
    def __enter__(self):
        return "ctx"

    def __exit__(self, *a):
        self.caught = a[0].__name__ if a[0] else None
        return True

s = Swallow()
with s as name:
    step = 1
    raise OSError
    step = 2
print(name, step, s.caught)
