# feature: language.special_methods.bool
# When both exist, __bool__ takes precedence over __len__.
class Both:
    def __bool__(self):
        return False

    def __len__(self):
        return 10

b = Both()
print(len(b), bool(b), not b)
