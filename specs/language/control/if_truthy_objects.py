# feature: language.control.if_elif
# if uses __bool__, then __len__, and propagates exceptions from them.
class Z:
    def __len__(self):
        return 0
class Boom:
    def __bool__(self):
        raise KeyError("x")
class Bad:
    def __bool__(self):
        return 1
for obj in (Z(), [0], Boom(), Bad()):
    try:
        if obj:
            print("true")
        else:
            print("false")
    except KeyError:
        print("KeyError")
    except TypeError:
        print("TypeError")
