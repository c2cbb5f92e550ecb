# feature: language.classes.init
# __init__ must return None; returning a value raises TypeError.
class Good:
    def __init__(self):
        self.ok = True
        return None

class Bad:
    def __init__(self):
        return 42

print(Good().ok)
try:
    Bad()
    print("no error")
except TypeError:
    print("TypeError")
