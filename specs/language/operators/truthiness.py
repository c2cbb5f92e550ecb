# feature: language.operators.boolean
# Truth value of builtin objects and of objects with __bool__ / __len__.
vals = (0, 0.0, -0.0, "", b"", (), [], {}, set(), None, range(0),
        1, -0.1, "0", b"\0", (0,), [[]], {0: 0}, range(1))
print([bool(v) for v in vals])
class B:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class E:
    pass
print(bool(B()), bool(L()), bool(E()), not B(), B() or "x")
