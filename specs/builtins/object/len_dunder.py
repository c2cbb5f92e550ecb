# feature: builtins.object.len_hash
# len() calls __len__; the result must be a non-negative int.
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(Sized(0)), len(Sized(7)))
for bad in (-1, "3"):
    try:
        print(len(Sized(bad)))
    except (ValueError, TypeError) as e:
        print(type(e))
