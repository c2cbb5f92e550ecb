# feature: language.context_managers.nested
# tags: core
# `with a, b:` enters left to right and exits in reverse order.
log = []

class M:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        log.append("enter " + self.n)
        return self.n

    def __exit__(self, *a):
        log.append("exit " + self.n)

with M("a") as x, M("b") as y, M("c"):
    log.append("body " + x + y)
print(log)
