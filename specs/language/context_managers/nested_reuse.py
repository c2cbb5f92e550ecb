# feature: language.context_managers.nested
# The same manager object can be re-entered; it tracks its own nesting depth.
class Depth:
    def __init__(self):
        self.level = 0
        self.max = 0

    def __enter__(self):
        self.level += 1
        self.max = max(self.max, self.level)
        return self.level

    def __exit__(self, *a):
        self.level -= 1

d = Depth()
with d as one:
    with d as two:
        with d as three:
            print(one, two, three)
    print(d.level)
print(d.level, d.max)
