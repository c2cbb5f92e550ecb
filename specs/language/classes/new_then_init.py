# feature: language.classes.init
# __new__ runs before __init__ and may return an existing object.
log = []

class Single:
    _inst = None

    def __new__(cls, *args):
        log.append("new")
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst

    def __init__(self, v):
        log.append("init")
        self.v = v

a = Single(1)
b = Single(2)
print(a is b, a.v)
print(log)
