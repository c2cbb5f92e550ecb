# feature: types.bool_none.singletons
# bool() calls __bool__, else __len__, else an object is true.
class Yes:
    def __bool__(self):
        return True
class Empty:
    def __len__(self):
        return 0
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
class Plain:
    pass
print(bool(Yes()), bool(Empty()), bool(Both()), bool(Plain()))
print("t" if Empty() else "f", not Yes(), [1 for o in (Yes(), Empty()) if o])
