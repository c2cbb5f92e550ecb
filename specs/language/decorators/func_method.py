# feature: language.decorators.function
# Decorators on methods receive the plain function; the wrapper still binds self.
def logged(fn):
    def wrapper(self, *args):
        self.log.append(fn.__name__)
        return fn(self, *args)
    return wrapper

class Acc:
    def __init__(self):
        self.log = []
        self.total = 0

    @logged
    def add(self, n):
        self.total += n
        return self

    @logged
    def reset(self):
        self.total = 0

a = Acc()
a.add(3).add(4)
print(a.total)
a.reset()
print(a.total, a.log)
