# feature: language.special_methods.container
# len() requires __len__ to return a non-negative int.
class Neg:
    def __len__(self):
        return -1

class NotInt:
    def __len__(self):
        return "3"

class NoLen:
    pass

for obj in (Neg(), NotInt(), NoLen()):
    try:
        print(len(obj))
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
