# feature: language.context_managers.suppress
# Suppressing context manager inside a loop: each failure is skipped, loop continues.
class Skip:
    def __init__(self):
        self.skipped = 0

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is ValueError:
            self.skipped += 1
            return True

out = []
sk = Skip()
for s in ["4", "four", "5", "", "6"]:
    with sk:
        out.append(int(s))
print(out, sk.skipped)
