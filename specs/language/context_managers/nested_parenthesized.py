# feature: language.context_managers.nested
# Parenthesised multi-item with statement (Python 3.10+ grammar).
class M:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        return self.n

    def __exit__(self, *a):
        print("exit", self.n)

with (
    M(1) as a,
    M(2) as b,
):
    print("body", a + b)
