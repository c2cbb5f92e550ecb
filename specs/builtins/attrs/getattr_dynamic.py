# feature: builtins.attrs.getattr_family
# getattr/hasattr go through __getattr__ for missing names; an
# AttributeError from it makes hasattr() False.
class Lazy:
    real = "stored"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(name)
z = Lazy()
print(getattr(z, "real"), getattr(z, "auto_key"))
print(hasattr(z, "auto_x"), hasattr(z, "other"))
print(getattr(z, "other", "fallback"))
